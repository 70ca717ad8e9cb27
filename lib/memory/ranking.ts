/*
 * How memories are ranked for recall (README, "Memory"): a blend of
 *   0.55 × similarity to the query (cosine of unit vectors, 0 when either has no embedding)
 * + 0.30 × importance (0–1, from extraction or the user)
 * + 0.15 × recency (halves every 30 days since the memory was last confirmed or used).
 * Pinned memories come first whatever their score. Pure: db/queries/memory-recall.ts uses the
 * first two weights to pre-select candidates in SQL, this module orders and packs them.
 */

export const RANK_WEIGHTS = { similarity: 0.55, importance: 0.3, recency: 0.15 } as const;
export const RECENCY_HALF_LIFE_DAYS = 30;
/** The memory part of a setup stays under this many tokens (pinned memories included). */
export const MEMORY_TOKEN_BUDGET = 1200;

const DAY_MS = 86_400_000;

export interface RankInput {
  similarity: number | null;
  importance: number;
  pinned: boolean;
  lastConfirmedAt: Date;
  lastUsedAt: Date | null;
}

export function recency(candidate: Pick<RankInput, "lastConfirmedAt" | "lastUsedAt">, now: Date): number {
  const last = Math.max(candidate.lastConfirmedAt.getTime(), candidate.lastUsedAt?.getTime() ?? 0);
  const ageDays = Math.max(0, (now.getTime() - last) / DAY_MS);
  return 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function rankScore(candidate: RankInput, now: Date): number {
  return (
    RANK_WEIGHTS.similarity * clamp01(candidate.similarity ?? 0) +
    RANK_WEIGHTS.importance * clamp01(candidate.importance) +
    RANK_WEIGHTS.recency * recency(candidate, now)
  );
}

/** Pinned first, then by score, best first. */
export function rankMemories<T extends RankInput>(candidates: T[], now: Date): (T & { score: number })[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: rankScore(candidate, now) }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.score - a.score);
}

/** A rough token count (4 characters a token), good enough for a budget. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * The ranked memories that fit the budget, in rank order: every pinned one (the user asked for
 * them always), then the others while they fit; one that does not fit is skipped so a shorter
 * one after it may still go in.
 */
export function packWithinBudget<T extends { pinned: boolean; content: string }>(ranked: T[], budgetTokens: number, cost: (item: T) => number = (item) => estimateTokens(item.content) + 2): T[] {
  const out: T[] = [];
  let used = 0;
  for (const item of ranked) {
    const tokens = cost(item);
    if (!item.pinned && used + tokens > budgetTokens) continue;
    out.push(item);
    used += tokens;
  }
  return out;
}
