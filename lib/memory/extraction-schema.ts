import { z } from "zod";

/*
 * What the text model must answer after a conversation (mem0-style operations). The same zod
 * schema is sent to Gemini as responseJsonSchema and validates the answer: anything else is
 * rejected and the job retries; nothing unvalidated is stored.
 */

export const MEMORY_KINDS = ["fact", "preference", "person", "goal", "event"] as const;
export const ENTITY_TYPES = ["person", "place", "organization", "thing", "event", "other"] as const;
export type MemoryKind = (typeof MEMORY_KINDS)[number] | "summary";

export const memoryOperation = z.object({
  op: z.enum(["add", "update", "delete", "none"]).describe("add a new memory; update = supersede targetId with content; delete targetId; none"),
  targetId: z.string().max(64).nullable().describe("id of the existing memory that update/delete act on, else null"),
  kind: z.enum(MEMORY_KINDS),
  content: z.string().trim().min(1).max(500).describe("one self-contained sentence about the user, in the third person"),
  importance: z.number().min(0).max(1),
  entities: z
    .array(z.object({ name: z.string().trim().min(1).max(80), type: z.enum(ENTITY_TYPES) }))
    .max(10),
  sourceLines: z.array(z.number().int().min(0)).max(20).describe("sequence numbers of the transcript lines this comes from"),
});

export const extractionResult = z.object({
  title: z.string().trim().min(1).max(80).describe("a short title for the conversation, at most 8 words"),
  summary: z.string().trim().min(1).max(1200).describe("two or three sentences: what was talked about and anything to follow up"),
  operations: z.array(memoryOperation).max(40),
});

export type MemoryOperation = z.infer<typeof memoryOperation>;
export type ExtractionResult = z.infer<typeof extractionResult>;
