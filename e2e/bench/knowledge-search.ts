import { sql } from "drizzle-orm";
import type { Database } from "@/db/index";
import { searchKnowledge } from "@/db/queries/knowledge-search";
import { knowledgeChunks, knowledgeDocuments, personas } from "@/db/schema";
import { newSeedTag } from "@/db/seed/seed";
import { onEachDatabase, type BenchDatabase } from "./bench-database";
import type { BenchFigure } from "./figure";
import { heaviestUser } from "./history-queries";
import { timeQuery } from "./timing";

/*
 * search_knowledge's server-side retrieval for a persona with 2,000 chunks (20 documents of 100
 * passages, 256-dimension embeddings): full text + similarity (pgvector on PGlite, the exact scan on
 * PostgreSQL 15) + fusion + details, as the tool route runs it after its embedding call. Target (issue 13): ≤ 40 ms p95.
 */

const DIMENSIONS = 256;
const WORDS = ["lemon", "tart", "opening", "hours", "parking", "menu", "vegan", "soup", "friday", "dessert", "coffee", "booking", "garden", "wine", "bread"];

const randomUnit = () => {
  const values = Array.from({ length: DIMENSIONS }, () => Math.random() - 0.5);
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
};
const passage = () => Array.from({ length: 120 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(" ");

async function seedKnowledge(db: Database, userId: string): Promise<string> {
  const [persona] = await db.insert(personas).values({ userId, name: "Bench chef" }).returning({ id: personas.id });
  for (let d = 0; d < 20; d += 1) {
    const [doc] = await db
      .insert(knowledgeDocuments)
      .values({ userId, personaId: persona!.id, name: `doc-${d}.pdf`, mimeType: "application/pdf", sizeBytes: 1, sha256: `${newSeedTag()}-${d}`, status: "ready", chunkCount: 100 })
      .returning({ id: knowledgeDocuments.id });
    await db.insert(knowledgeChunks).values(
      Array.from({ length: 100 }, (_, i) => ({ documentId: doc!.id, userId, personaId: persona!.id, ordinal: i, page: i + 1, content: passage(), embedding: randomUnit() })),
    );
  }
  await db.execute(sql`analyze knowledge_chunks`);
  return persona!.id;
}

async function measure(label: string, bench: BenchDatabase): Promise<BenchFigure[]> {
  const db = bench.handle.db;
  const { userId } = await heaviestUser(db);
  const personaId = await seedKnowledge(db, userId);
  const vector = randomUnit();
  return timeQuery(`${label}: search_knowledge, 2,000 chunks`, () => searchKnowledge(db, { userId, personaId, query: "when is the lemon tart made", vector }), { rounds: 30, target: "≤ 40 ms" });
}

const PATH_LABEL = { PostgreSQL: "PostgreSQL (exact scan)", PGlite: "PGlite (pgvector)" } as const;

export async function run(): Promise<BenchFigure[]> {
  return onEachDatabase({ users: 2, sessions: 2, turnsPerSession: 2, days: 1, password: "bench-password" }, (driver, bench) => measure(PATH_LABEL[driver], bench));
}
