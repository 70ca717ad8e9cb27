import type { FunctionDeclaration } from "@google/genai";
import { z } from "zod";
import { storableText } from "@/lib/validation/columns";

/*
 * The memory tools declared in the locked Live config (DESIGN §5b). The browser receives the
 * model's toolCall and asks our server (POST /api/live/sessions/:id/tools), which answers for
 * the signed-in user only; the answer goes back as the toolResponse.
 */

export const MEMORY_TOOL_NAMES = ["recall_memories", "save_memory", "forget_memory"] as const;
export type MemoryToolName = (typeof MEMORY_TOOL_NAMES)[number];

export const MEMORY_TOOL_DECLARATIONS: FunctionDeclaration[] = [
  {
    name: "recall_memories",
    description: "Look up what you remember about the user from earlier conversations. Use it when the user asks about something they told you before.",
    parametersJsonSchema: {
      type: "object",
      properties: { query: { type: "string", description: "What to look for, in a few words." } },
      required: ["query"],
    },
  },
  {
    name: "save_memory",
    description: "Remember something about the user right away, when they ask you to remember it.",
    parametersJsonSchema: {
      type: "object",
      properties: { content: { type: "string", description: "One sentence about the user, in the third person." } },
      required: ["content"],
    },
  },
  {
    name: "forget_memory",
    description: "Forget what you remember about something, when the user asks you to forget it.",
    parametersJsonSchema: {
      type: "object",
      properties: { query: { type: "string", description: "What to forget, in a few words." } },
      required: ["query"],
    },
  },
];

const query = storableText().trim().min(1).max(300);

/** One tool call as the browser forwards it. */
export const memoryToolCall = z.discriminatedUnion("name", [
  z.strictObject({ id: z.string().max(128).optional(), name: z.literal("recall_memories"), args: z.object({ query }) }),
  z.strictObject({ id: z.string().max(128).optional(), name: z.literal("save_memory"), args: z.object({ content: storableText().trim().min(1).max(500) }) }),
  z.strictObject({ id: z.string().max(128).optional(), name: z.literal("forget_memory"), args: z.object({ query }) }),
]);

export type MemoryToolCall = z.infer<typeof memoryToolCall>;

export const toolsPath = (sessionId: string) => `/api/live/sessions/${sessionId}/tools`;
