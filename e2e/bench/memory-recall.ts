import { sql } from "drizzle-orm";
import type { Database } from "@/db/index";
import { recallCandidates } from "@/db/queries/memory-recall";
import { newSeedTag } from "@/db/seed/seed";
import { composeMemoryContext } from "@/lib/memory/recall";
import { seededPglite, seededPostgres, type BenchDatabase } from "./bench-database";
import type { BenchFigure } from "./figure";
import { heaviestUser } from "./history-queries";
import { timeQuery } from "./timing";

/*
 * Memory recall for one user holding 500 / 5,000 / 50,000 memories (256-dimension embeddings,
 * the default): the similarity query (exact scan in SQL, as the recall tool runs it after its
 * embedding call) and Start's memory composition (the setup's memory block, no model call).
 * Also the tokens of memory a setup carries.
 */

const DIMENSIONS = 256;
const SIZES = [500, 5_000, 50_000];

async function addMemories(db: Database, userId: string, count: number): Promise<void> {
  await db.execute(sql`
    insert into memories (user_id, kind, content, importance, embedding)
    select ${userId}, 'fact', 'The user mentioned detail ' || g || ' about a hobby they have had for a while', random(),
      (select array_agg((random() - 0.5)::real) from generate_series(1, ${DIMENSIONS}) d where g > 0)
    from generate_series(1, ${count}) g`);
  await db.execute(sql`analyze memories`);
}

async function measure(label: string, bench: BenchDatabase, sizes: number[]): Promise<BenchFigure[]> {
  const db = bench.handle.db;
  const { userId } = await heaviestUser(db);
  const query = Array.from({ length: DIMENSIONS }, (_, i) => Math.sin(i + 1) / Math.sqrt(DIMENSIONS / 2));
  const figures: BenchFigure[] = [];
  let held = 0;
  for (const size of sizes) {
    await addMemories(db, userId, size - held);
    held = size;
    const n = size.toLocaleString("en-US");
    figures.push(...(await timeQuery(`${label}: recall query, ${n} memories`, () => recallCandidates(db, { userId, query, limit: 20 }), { rounds: 20, target: size <= 5_000 ? "≤ 30 ms" : undefined })));
    figures.push(...(await timeQuery(`${label}: Start's memory composition, ${n}`, () => composeMemoryContext(db, { userId }), { rounds: 20, target: size <= 5_000 ? "≤ 50 ms" : undefined })));
    const context = await composeMemoryContext(db, { userId });
    figures.push({ name: `${label}: memory tokens per setup, ${n}`, value: context?.tokens ?? 0, unit: "tokens", target: "≤ 1200" });
  }
  return figures;
}

export async function run(): Promise<BenchFigure[]> {
  const seed = { users: 2, sessions: 4, turnsPerSession: 2, days: 2, password: "bench-password", tag: newSeedTag() };
  const figures: BenchFigure[] = [];
  const pg = await seededPostgres(seed);
  if ("skipped" in pg) figures.push({ name: `PostgreSQL skipped: ${pg.skipped}`, value: 0, unit: "" });
  else {
    try {
      figures.push(...(await measure("PostgreSQL", pg, SIZES)));
    } finally {
      await pg.dispose();
    }
  }
  const lite = await seededPglite({ ...seed, tag: newSeedTag() });
  try {
    figures.push(...(await measure("PGlite", lite, SIZES.slice(0, 2))));
  } finally {
    await lite.dispose();
  }
  return figures;
}
