import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/index";
import { recallCandidates } from "@/db/queries/memory-recall";
import { liveSessions, memories } from "@/db/schema";
import { composeMemoryContext } from "@/lib/memory/recall";
import { onEachDatabase, type BenchDatabase } from "./bench-database";
import type { BenchFigure } from "./figure";
import { heaviestUser } from "./history-queries";
import { timeQuery } from "./timing";

/*
 * Memory recall for one user holding 500 / 5,000 / 50,000 memories (256-dimension embeddings,
 * the default): the similarity query (db/queries/vector-search.ts: the exact scan on PostgreSQL 15,
 * pgvector on PGlite; as the recall tool runs it after its embedding call) and Start's memory composition (the setup's memory block, no model call).
 * Also the tokens of memory a setup carries.
 */

const DIMENSIONS = 256;
const SIZES = [500, 5_000, 50_000];

function randomUnit(): number[] {
  const values = Array.from({ length: DIMENSIONS }, () => Math.random() - 0.5);
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

async function addMemories(db: Database, userId: string, count: number, sourceSessionId: string): Promise<void> {
  for (let at = 0; at < count; at += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - at) }, (_, i) => ({
      userId,
      // A few learned in the last conversation, whose centroid is Start's query.
      sourceSessionId: at + i < 10 ? sourceSessionId : null,
      kind: "fact" as const,
      content: `The user mentioned detail ${at + i} about a hobby they have had for a while`,
      importance: Math.random(),
      embedding: randomUnit(),
    }));
    await db.insert(memories).values(batch);
  }
  await db.execute(sql`analyze memories`);
}

async function measure(label: string, bench: BenchDatabase, sizes: number[]): Promise<BenchFigure[]> {
  const db = bench.handle.db;
  const { userId } = await heaviestUser(db);
  // The last conversation has a summary: Start ranks by similarity to what was learned in it.
  const [last] = await db.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.userId, userId)).orderBy(desc(liveSessions.startedAt)).limit(1);
  await db.update(liveSessions).set({ summary: "They talked about their hobbies and plans for the weekend." }).where(eq(liveSessions.id, last!.id));
  const query = Array.from({ length: DIMENSIONS }, (_, i) => Math.sin(i + 1) / Math.sqrt(DIMENSIONS / 2));
  const figures: BenchFigure[] = [];
  let held = 0;
  for (const size of sizes) {
    await addMemories(db, userId, size - held, last!.id);
    held = size;
    const n = size.toLocaleString("en-US");
    figures.push(...(await timeQuery(`${label}: recall query, ${n} memories`, () => recallCandidates(db, { userId, query, limit: 20 }), { rounds: 20, target: size <= 5_000 ? "≤ 30 ms" : undefined })));
    figures.push(...(await timeQuery(`${label}: Start's memory composition, ${n}`, () => composeMemoryContext(db, { userId }), { rounds: 20, target: size <= 5_000 ? "≤ 50 ms" : undefined })));
    const context = await composeMemoryContext(db, { userId });
    figures.push({ name: `${label}: memory tokens per setup, ${n}`, value: context?.tokens ?? 0, unit: "tokens", target: "≤ 1200" });
  }
  return figures;
}

const PATH_LABEL = { PostgreSQL: "PostgreSQL (exact scan)", PGlite: "PGlite (pgvector)" } as const;

export async function run(): Promise<BenchFigure[]> {
  return onEachDatabase({ users: 2, sessions: 4, turnsPerSession: 2, days: 2, password: "bench-password" }, (driver, bench) => measure(PATH_LABEL[driver], bench, SIZES));
}
