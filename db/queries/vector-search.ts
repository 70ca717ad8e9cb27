import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { dotWithBytes } from "@/lib/memory/vector";
import type { Database } from "../index";

/*
 * The one similarity module behind memory recall and knowledge search. Embeddings are stored as
 * float32 bytes (`embedding`, on every database). Where the migration found pgvector (Neon; PGlite
 * with its pgvector package) it also added a generated `embedding_vec vector(256)` column
 * (db/migrations, "memory-vectors"): the database scores it and returns only the top rows. Where
 * it did not (Debian's PostgreSQL 15) the rows' bytes come here and are scored exactly. Both score
 * the dot product of unit vectors over the rows in scope (always one user's), so both give the
 * same ranking; there is no approximate index in between.
 */

/** The size of the `embedding_vec` columns: GEMINI_EMBEDDING_DIMENSIONS' default. Other sizes use the exact scan. */
export const VECTOR_COLUMN_DIMENSIONS = 256;

export type SimilarityPath = "pgvector" | "exact";
export type VectorTable = "memories" | "knowledge_chunks";

// One probe per database (the app's is process-wide; each test suite has its own).
const probes = new WeakMap<Database, Promise<boolean>>();

/** Whether this database has the pgvector columns (the migration made them where pgvector exists). */
export function hasVectorColumns(db: Database): Promise<boolean> {
  let probe = probes.get(db);
  if (!probe) {
    probe = db
      .execute<{ columns: number }>(sql`
        select count(*)::int as columns from pg_attribute
        where attrelid in (to_regclass('memories'), to_regclass('knowledge_chunks')) and attname = 'embedding_vec' and not attisdropped`)
      .then((result) => Number((result as unknown as { rows: { columns: number }[] }).rows[0]?.columns) === 2);
    probe.catch(() => probes.delete(db));
    probes.set(db, probe);
  }
  return probe;
}

/** The path a query of this size takes on this database. */
export async function similarityPath(db: Database, dimensions: number): Promise<SimilarityPath> {
  return dimensions === VECTOR_COLUMN_DIMENSIONS && (await hasVectorColumns(db)) ? "pgvector" : "exact";
}

export interface NearestOptions {
  table: VectorTable;
  /** The rows in scope, on columns of `table` (the acting user first). */
  scope: SQL;
  /** Unit-length query vector; null or empty ranks by `prior` alone (similarity null). */
  query: number[] | null;
  limit: number;
  /** Ranked first when true (pinned memories). */
  first?: SQL<boolean>;
  /** Added to similarity × `similarityWeight` (importance × its weight). */
  prior?: SQL<number>;
  similarityWeight?: number;
  /** Leave out rows without a comparable embedding. */
  embeddedOnly?: boolean;
  /** Tests: force the exact scan on a database that has pgvector, to compare the two. */
  path?: SimilarityPath;
}

export interface NearestRow {
  id: string;
  similarity: number | null;
}

interface ScanRow {
  id: string;
  first: boolean;
  prior: number;
  similarity?: number | string | null;
  base64?: string | null;
}

/** The top `limit` rows in scope by first, then similarity × weight + prior, then id. */
export async function nearestRows(db: Database, options: NearestOptions): Promise<NearestRow[]> {
  const { table, scope, limit, first = sql<boolean>`false`, prior = sql<number>`0`, similarityWeight = 1, embeddedOnly = false } = options;
  const query = options.query?.length ? options.query : null;
  const path = options.path ?? (query ? await similarityPath(db, query.length) : "exact");
  const from = sql.identifier(table);
  if (path === "pgvector" && query) {
    const vector = `[${query.join(",")}]`;
    const rows = await execute<ScanRow>(db, sql`
      select id, similarity from (
        select id, (${first}) as first, (${prior})::float8 as prior, (-(embedding_vec <#> ${vector}::vector))::float8 as similarity
        from ${from} where ${scope}${embeddedOnly ? sql` and embedding_vec is not null` : sql``}
      ) scored
      order by first desc, coalesce(similarity, 0) * ${similarityWeight} + prior desc, id
      limit ${limit}`);
    return rows.map((row) => ({ id: row.id, similarity: row.similarity === null || row.similarity === undefined ? null : Number(row.similarity) }));
  }
  // The exact scan: every row in scope, its vector's bytes as base64 text (decoded natively;
  // drivers' bytea parsers are far slower, PGlite's most), scored here.
  const rows = await execute<ScanRow>(db, sql`
    select id, (${first}) as first, (${prior})::float8 as prior,
           ${query ? sql`encode(embedding, 'base64')` : sql`null::text`} as base64
    from ${from} where ${scope}`);
  const vector = query ? Float32Array.from(query) : null;
  const scored = rows.map((row) => {
    const similarity = vector && row.base64 ? dotWithBytes(Buffer.from(row.base64, "base64"), vector) : null;
    return { id: row.id, first: row.first, similarity, score: (similarity ?? 0) * similarityWeight + Number(row.prior) };
  });
  return scored
    .filter((row) => !embeddedOnly || row.similarity !== null)
    .sort((a, b) => Number(b.first) - Number(a.first) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map(({ id, similarity }) => ({ id, similarity }));
}

async function execute<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
