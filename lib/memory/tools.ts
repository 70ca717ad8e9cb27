import "server-only";
import type { Database } from "@/db";
import { getOwnedLiveSession } from "@/db/queries/live-sessions";
import { markMemoriesUsed, recallCandidates, type RecallCandidate } from "@/db/queries/memory-recall";
import { deleteMemory } from "@/db/queries/memories";
import { getPreferences } from "@/db/queries/preferences";
import { resolveGeminiKey } from "@/lib/gemini/credentials";
import { embedTexts } from "@/lib/gemini/text-model";
import { logError } from "@/lib/errors/log";
import { addUserMemory } from "./add-memory";
import { rankMemories } from "./ranking";
import type { MemoryToolCall } from "./tool-declarations";

/*
 * The server half of the mid-talk memory tools: every call is for the signed-in user and one of
 * their own open conversations. Answers are small JSON objects the model reads.
 */

const RECALL_LIMIT = 5;
const MIN_SIMILARITY = 0.2;
const FORGET_SIMILARITY = 0.45;
const STOP_WORDS = new Set(["what", "that", "about", "told", "with", "have", "your", "their", "there", "this", "user", "the", "and", "from"]);

export interface ToolOptions {
  baseUrl?: string | null;
  serverKey?: string | null;
  now?: Date;
}

const words = (text: string) => new Set((text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).filter((word) => !STOP_WORDS.has(word)));
const overlaps = (a: string, b: Set<string>) => [...words(a)].some((word) => b.has(word) || b.has(word.replace(/s$/, "")));

/** Candidates ranked for a spoken query; without an embedding (outage) by words, importance and recency. */
async function search(db: Database, userId: string, text: string, options: ToolOptions): Promise<(RecallCandidate & { score: number })[]> {
  let vector: number[] | null = null;
  try {
    const key = await resolveGeminiKey(db, { userId }, { serverKey: options.serverKey });
    [vector = null] = await embedTexts({ apiKey: key.apiKey, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) }, { texts: [text], taskType: "RETRIEVAL_QUERY" });
  } catch (error) {
    logError("memory:tool-embed", error);
  }
  const wanted = words(text);
  const candidates = await recallCandidates(db, { userId, query: vector, limit: 200 });
  const relevant = candidates.filter((memory) => (memory.similarity ?? 0) >= MIN_SIMILARITY || overlaps(memory.content, wanted));
  return rankMemories(relevant, options.now ?? new Date());
}

export async function runMemoryTool(db: Database, { userId, sessionId, call }: { userId: string; sessionId: string; call: MemoryToolCall }, options: ToolOptions = {}): Promise<Record<string, unknown>> {
  const session = await getOwnedLiveSession(db, { userId, sessionId });
  const preferences = await getPreferences(db, { userId });
  if (!preferences.memoryEnabled) return { ok: false, reason: "Memory is turned off in the user's settings." };

  if (call.name === "recall_memories") {
    const found = (await search(db, userId, call.args.query, options)).slice(0, RECALL_LIMIT);
    await markMemoriesUsed(db, { userId, ids: found.map((memory) => memory.id), now: options.now });
    return { ok: true, count: found.length, memories: found.map((memory) => ({ content: memory.content, learned: memory.lastConfirmedAt.toISOString().slice(0, 10) })) };
  }

  if (call.name === "save_memory") {
    if (session.memoryOptOut) return { ok: false, reason: "The user asked not to remember this conversation." };
    const now = options.now ?? new Date();
    const saved = await addUserMemory(db, { userId, content: call.args.content, sessionId, now });
    return { ok: true, saved: call.args.content, alreadyKnown: !saved.created };
  }

  const wanted = words(call.args.query);
  const [best] = (await search(db, userId, call.args.query, options)).filter(
    (memory) => (memory.similarity ?? 0) >= FORGET_SIMILARITY || overlaps(memory.content, wanted),
  );
  if (!best) return { ok: true, forgotten: [] };
  await deleteMemory(db, { userId, memoryId: best.id });
  return { ok: true, forgotten: [best.content] };
}
