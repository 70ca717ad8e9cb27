import "server-only";
import type { Database } from "@/db";
import { lastConversation, markMemoriesUsed, recallCandidates } from "@/db/queries/memory-recall";
import { getPreferences } from "@/db/queries/preferences";
import { estimateTokens, MEMORY_TOKEN_BUDGET, packWithinBudget, rankMemories } from "./ranking";

/*
 * Recall at Start: what the companion knows, composed into the system instruction locked into
 * the ephemeral token. No model call on this path: the query vector is the centroid of what was
 * learned in the last conversation (already embedded), so composition is one or two queries.
 */

export interface MemoryContext {
  /** The text appended to the system instruction. */
  text: string;
  memoryIds: string[];
  tokens: number;
}

const formatDay = (date: Date) => date.toISOString().slice(0, 10);

export async function composeMemoryContext(
  db: Database,
  { userId, now = new Date(), budget = MEMORY_TOKEN_BUDGET }: { userId: string; now?: Date; budget?: number },
): Promise<MemoryContext | null> {
  const preferences = await getPreferences(db, { userId });
  if (!preferences.memoryEnabled) return null;
  const last = await lastConversation(db, { userId });
  const candidates = await recallCandidates(db, { userId, query: last?.centroid ?? null, limit: 200 });
  if (!last && candidates.length === 0) return null;

  const summaryText = last ? `Your last conversation (${formatDay(last.startedAt)}): ${last.summary}` : "";
  const header = "What you remember about the user from earlier conversations (use it naturally when it helps; do not recite it; it may be out of date, and the user can correct it):";
  const room = budget - estimateTokens(summaryText) - estimateTokens(header);
  const packed = packWithinBudget(rankMemories(candidates, now), room);
  const lines = packed.map((memory) => `- ${memory.content}${memory.pinned ? " (the user asked you to always keep this in mind)" : ""}`);
  const text = [lines.length ? `${header}\n${lines.join("\n")}` : "", summaryText].filter(Boolean).join("\n\n");
  return { text, memoryIds: packed.map((memory) => memory.id), tokens: estimateTokens(text) };
}

/** Counts the recalled memories as used (after the response; a lost count is harmless). */
export async function recordRecall(db: Database, { userId, memoryIds }: { userId: string; memoryIds: string[] }): Promise<void> {
  await markMemoriesUsed(db, { userId, ids: memoryIds });
}
