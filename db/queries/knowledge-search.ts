import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../index";
import { knowledgeChunks, knowledgeDocuments } from "../schema";
import { nearestRows } from "./vector-search";

/*
 * Hybrid retrieval over one persona's passages (issue 13): full text (a stored tsvector with a GIN
 * index) and embedding similarity (db/queries/vector-search.ts, as memory recall), fused by
 * reciprocal rank. Always filtered by the acting user and the persona.
 */

export interface KnowledgePassage {
  chunkId: string;
  documentId: string;
  documentName: string;
  page: number | null;
  content: string;
  score: number;
}

const RRF_K = 60;
const PER_METHOD = 20;

/** The query's words as an OR tsquery ("lemon | tart"): any word may match, more words rank higher. */
export function toOrTsquery(query: string): string | null {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 30) ?? [];
  return words.length ? [...new Set(words)].join(" | ") : null;
}

export async function searchKnowledge(
  db: Database,
  { userId, personaId, query, vector, limit = 5 }: { userId: string; personaId: string; query: string; vector: number[] | null; limit?: number },
): Promise<KnowledgePassage[]> {
  const scope = and(eq(knowledgeChunks.userId, userId), eq(knowledgeChunks.personaId, personaId));
  const tsquery = toOrTsquery(query);
  const document = knowledgeChunks.searchVector;
  const [textHits, vectorHits] = await Promise.all([
    tsquery
      ? db
          .select({ id: knowledgeChunks.id })
          .from(knowledgeChunks)
          .where(and(scope, sql`${document} @@ to_tsquery('simple', ${tsquery})`))
          .orderBy(sql`ts_rank(${document}, to_tsquery('simple', ${tsquery})) desc`)
          .limit(PER_METHOD)
      : Promise.resolve([]),
    vector?.length ? nearestRows(db, { table: "knowledge_chunks", scope: scope ?? sql`false`, query: vector, limit: PER_METHOD, embeddedOnly: true }) : Promise.resolve([]),
  ]);
  const fused = new Map<string, number>();
  for (const list of [textHits, vectorHits]) list.forEach((row, rank) => fused.set(row.id, (fused.get(row.id) ?? 0) + 1 / (RRF_K + rank + 1)));
  const top = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  if (top.length === 0) return [];
  const details = await db
    .select({ chunkId: knowledgeChunks.id, documentId: knowledgeChunks.documentId, documentName: knowledgeDocuments.name, page: knowledgeChunks.page, content: knowledgeChunks.content })
    .from(knowledgeChunks)
    .innerJoin(knowledgeDocuments, eq(knowledgeDocuments.id, knowledgeChunks.documentId))
    .where(and(scope, inArray(knowledgeChunks.id, top.map(([id]) => id))));
  const byId = new Map(details.map((row) => [row.chunkId, row]));
  return top.flatMap(([id, score]) => {
    const row = byId.get(id);
    return row ? [{ ...row, score }] : [];
  });
}
