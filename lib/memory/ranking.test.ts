import { describe, expect, it } from "vitest";
import { estimateTokens, packWithinBudget, rankMemories, rankScore, recency } from "./ranking";

const now = new Date("2031-06-01T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const memory = (id: string, over: Partial<{ similarity: number | null; importance: number; pinned: boolean; lastConfirmedAt: Date; lastUsedAt: Date | null; content: string }> = {}) => ({
  id,
  similarity: null,
  importance: 0.5,
  pinned: false,
  lastConfirmedAt: now,
  lastUsedAt: null,
  content: `memory ${id}`,
  ...over,
});

describe("memory ranking", () => {
  it("halves recency every 30 days since the last confirmation or use, whichever is later", () => {
    expect(recency(memory("a"), now)).toBe(1);
    expect(recency(memory("a", { lastConfirmedAt: daysAgo(30) }), now)).toBeCloseTo(0.5, 10);
    expect(recency(memory("a", { lastConfirmedAt: daysAgo(60), lastUsedAt: daysAgo(30) }), now)).toBeCloseTo(0.5, 10);
  });

  it("blends 0.55 similarity, 0.30 importance and 0.15 recency", () => {
    expect(rankScore(memory("a", { similarity: 1, importance: 1 }), now)).toBeCloseTo(1, 10);
    expect(rankScore(memory("a", { similarity: 0.5, importance: 0.2, lastConfirmedAt: daysAgo(30) }), now)).toBeCloseTo(0.275 + 0.06 + 0.075, 10);
    // A negative cosine counts as no similarity, not as a penalty.
    expect(rankScore(memory("a", { similarity: -0.4, importance: 0 }), now)).toBeCloseTo(0.15, 10);
  });

  it("puts pinned memories first, then a relevant memory above a merely important old one", () => {
    const ranked = rankMemories(
      [
        memory("important-old", { importance: 0.9, lastConfirmedAt: daysAgo(120) }),
        memory("relevant", { similarity: 0.8, importance: 0.4 }),
        memory("pinned-dull", { pinned: true, importance: 0.1, lastConfirmedAt: daysAgo(400) }),
      ],
      now,
    );
    expect(ranked.map((item) => item.id)).toEqual(["pinned-dull", "relevant", "important-old"]);
  });

  it("packs within the budget: pinned always, a too-long one skipped so shorter ones still fit", () => {
    const items = [
      memory("pin", { pinned: true, content: "x".repeat(400) }),
      memory("long", { content: "y".repeat(400) }),
      memory("short", { content: "z".repeat(40) }),
    ];
    const packed = packWithinBudget(items, 120);
    expect(packed.map((item) => item.id)).toEqual(["pin", "short"]);
    expect(packWithinBudget(items, 10).map((item) => item.id)).toEqual(["pin"]);
    expect(estimateTokens("abcd".repeat(10))).toBe(10);
  });
});
