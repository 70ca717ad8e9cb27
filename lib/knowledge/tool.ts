import type { FunctionDeclaration } from "@google/genai";
import { z } from "zod";
import { storableText } from "@/lib/validation/columns";

/*
 * `search_knowledge`, declared in the locked Live config when the persona has ready documents.
 * Relayed like the memory tools (lib/live/tool-relay.ts → POST /api/live/sessions/:id/tools):
 * the server searches the conversation's persona, for the signed-in user only.
 */

export const SEARCH_KNOWLEDGE = "search_knowledge";

export const KNOWLEDGE_TOOL_DECLARATION: FunctionDeclaration = {
  name: SEARCH_KNOWLEDGE,
  description: "Search the documents the user gave you (menus, notes, manuals). Use it whenever the user asks about something that may be in them, and say which document you found it in.",
  parametersJsonSchema: {
    type: "object",
    properties: { query: { type: "string", description: "What to look for, in a few words." } },
    required: ["query"],
  },
};

export const knowledgeToolCall = z.strictObject({
  id: z.string().max(128).optional(),
  name: z.literal(SEARCH_KNOWLEDGE),
  args: z.object({ query: storableText().trim().min(1).max(300) }),
});
export type KnowledgeToolCall = z.infer<typeof knowledgeToolCall>;

export interface KnowledgeSource {
  document: string;
  page: number | null;
  /** The passage's id, so a click can show it (GET /api/knowledge/passages/:id). */
  chunkId?: string;
}

export const knowledgePassagePath = (chunkId: string) => `/api/knowledge/passages/${chunkId}`;

/** "from Menu.pdf, page 3 · from notes.md": the sources line shown live and in the replay. */
export function describeSources(sources: KnowledgeSource[]): string {
  const unique = [...new Map(sources.map((s) => [`${s.document}\u0000${s.page ?? ""}`, s])).values()];
  return unique.map((s) => `from ${s.document}${s.page ? `, page ${s.page}` : ""}`).join(" · ");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The passages a search_knowledge answer cited, one per passage id (the model sees the same answer). */
export function knowledgeSourcesOf(result: unknown): Array<Required<KnowledgeSource>> {
  const body = (result ?? {}) as { error?: string; passages?: Array<{ id?: unknown; document?: unknown; page?: unknown }> };
  if (body.error || !Array.isArray(body.passages)) return [];
  const sources = body.passages.flatMap((p) =>
    typeof p.document === "string" && typeof p.id === "string" && UUID.test(p.id) ? [{ chunkId: p.id, document: p.document.slice(0, 200), page: typeof p.page === "number" ? p.page : null }] : [],
  );
  return [...new Map(sources.map((s) => [s.chunkId, s])).values()];
}

/** The compact line for a search_knowledge answer, or null if it is not one. */
export function summarizeKnowledgeResult(result: unknown): string {
  const body = (result ?? {}) as { error?: string; passages?: Array<{ document?: unknown; page?: unknown }> };
  if (body.error) return `${SEARCH_KNOWLEDGE}: ${body.error}`;
  const sources = (body.passages ?? []).flatMap((p) => (typeof p.document === "string" ? [{ document: p.document, page: typeof p.page === "number" ? p.page : null }] : []));
  return sources.length ? `Looked it up ${describeSources(sources)}` : "Found nothing in the documents";
}
