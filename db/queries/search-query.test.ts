import { sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { searchQuery } from "@/lib/history/search-query";

// Operators and the characters Postgres's websearch parser skips between them.
const piece = fc.constantFrom("-", "- ", "--", "-(", "-!", '"', " ", "or", "OR", "a", "cat", "(", ")", "!", "&", "|", "_", "'", ":*", "<->", "é", "1", "-1", "\\");

// Postgres holds 32 pending operators; runs around that size, of the shapes that fill the stack.
const negationRun = fc.tuple(fc.constantFrom("-", "- ", "-(", "-!", "-'", "-_"), fc.integer({ min: 16, max: 40 })).map(([unit, count]) => unit.repeat(count));

describeEachDriver("search text after validation", ({ db }) => {
  it("never overflows websearch_to_tsquery's stack, whatever mix of operators was typed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 8, arbitrary: piece }, { weight: 1, arbitrary: negationRun }), { maxLength: 60 }), async (pieces) => {
        const parsed = searchQuery.safeParse(pieces.join(""));
        if (!parsed.success) return;
        await expect(db().execute(sql`select websearch_to_tsquery('english', ${parsed.data})::text`)).resolves.toBeDefined();
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the meaning of a run of negations: an odd run excludes, an even run cancels", async () => {
    const rows = async (text: string) => {
      const result = await db().execute<{ q: string }>(sql`select websearch_to_tsquery('english', ${searchQuery.parse(text)})::text as q`);
      return (result as unknown as { rows: { q: string }[] }).rows[0]?.q;
    };
    expect(await rows("rice " + "-".repeat(41) + "beans")).toBe("'rice' & !'bean'");
    expect(await rows("rice " + "- ".repeat(40) + "beans")).toBe("'rice' & 'bean'");
  });
});
