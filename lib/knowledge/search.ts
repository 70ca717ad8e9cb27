import "server-only";
import type { Database } from "@/db";
import { searchKnowledge } from "@/db/queries/knowledge-search";
import { getOwnedLiveSession } from "@/db/queries/live-sessions";
import { resolveGeminiKey } from "@/lib/gemini/credentials";
import { embedTexts } from "@/lib/gemini/text-model";
import { logError } from "@/lib/errors/log";
import type { KnowledgeToolCall } from "./tool";

export interface KnowledgeToolOptions {
  baseUrl?: string | null;
  serverKey?: string | null;
}

/**
 * Answers `search_knowledge` for the caller's own conversation: passages of its persona's
 * documents with their document name and page. Without an embedding (model outage) the full
 * text half still answers.
 */
export async function runKnowledgeTool(db: Database, { userId, sessionId, call }: { userId: string; sessionId: string; call: KnowledgeToolCall }, options: KnowledgeToolOptions = {}) {
  const session = await getOwnedLiveSession(db, { userId, sessionId });
  if (!session.personaId) return { passages: [] };
  let vector: number[] | null = null;
  try {
    const key = await resolveGeminiKey(db, { userId }, { serverKey: options.serverKey });
    [vector = null] = await embedTexts({ apiKey: key.apiKey, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) }, { texts: [call.args.query], taskType: "RETRIEVAL_QUERY" });
  } catch (error) {
    logError("knowledge-search:embed", error);
  }
  const passages = await searchKnowledge(db, { userId, personaId: session.personaId, query: call.args.query, vector });
  return { passages: passages.map((p) => ({ id: p.chunkId, document: p.documentName, page: p.page, text: p.content })) };
}
