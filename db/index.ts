import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, isEmbeddedDatabase } from "@/lib/env";
import { logError } from "@/lib/errors/log";
import { migrateDatabase } from "./migrate";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DriverName = "pglite" | "pg" | "neon";

export interface DatabaseHandle {
  db: Database;
  driver: DriverName;
  close: () => Promise<void>;
}

/** Neon's hosts, or an explicit DATABASE_DRIVER=neon, select the WebSocket driver. */
export function pickDriver(url: string | undefined, forced = env.DATABASE_DRIVER): DriverName {
  if (forced !== "auto") return forced;
  if (!url) return "pglite";
  const host = new URL(url).hostname;
  return host.endsWith(".neon.tech") || host.endsWith(".neon.build") ? "neon" : "pg";
}

/**
 * The extensions the migrations create (btree_gin: the per-user search indexes; vector: pgvector,
 * which similarity search uses where a database has it, db/queries/vector-search.ts). A data
 * directory migrated with pgvector has vector columns, so every PGlite opener loads both.
 */
export async function pgliteExtensions() {
  const [{ btree_gin }, { vector }] = await Promise.all([import("@electric-sql/pglite/contrib/btree_gin"), import("@electric-sql/pglite-pgvector")]);
  return { btree_gin, vector };
}

export async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle }, extensions] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    pgliteExtensions(),
  ]);
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = dataDir ? acquirePgliteLock(dataDir) : () => {};
  const client = new PGlite({ ...(dataDir ? { dataDir } : {}), extensions });
  await client.waitReady;
  const close = async () => {
    await client.close();
    release();
  };
  return { db: drizzle({ client, schema }) as unknown as Database, driver: "pglite", close };
}

export async function openPg(url: string): Promise<DatabaseHandle> {
  const [{ Pool }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on("error", logIdleClientError);
  return { db: drizzle({ client: pool, schema }) as unknown as Database, driver: "pg", close: () => pool.end() };
}

export async function openNeon(url: string): Promise<DatabaseHandle> {
  const [{ Pool, neonConfig }, { drizzle }, { default: ws }] = await Promise.all([
    import("@neondatabase/serverless"),
    import("drizzle-orm/neon-serverless"),
    import("ws"),
  ]);
  // Node 20 has no global WebSocket client; Neon's Pool needs one for transactions.
  neonConfig.webSocketConstructor ??= ws;
  const pool = new Pool({ connectionString: url });
  pool.on("error", logIdleClientError);
  return { db: drizzle({ client: pool, schema }) as unknown as Database, driver: "neon", close: () => pool.end() };
}

// A pooled connection the server drops while idle emits 'error' on the pool; unheard, it would
// end the process. The pool replaces the connection on next use, so logging is enough.
function logIdleClientError(error: Error): void {
  logError("db idle connection", error);
}

export async function openDatabase(url = env.DATABASE_URL, driver = pickDriver(url)): Promise<DatabaseHandle> {
  if (driver === "pglite") return openPglite(path.resolve(env.LIVEMIND_DATA_DIR, "pglite"));
  if (!url) throw new Error(`DATABASE_DRIVER=${driver} needs DATABASE_URL`);
  return driver === "neon" ? openNeon(url) : openPg(url);
}

const globalForDb = globalThis as unknown as { __livemindDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database, opened on first use (never at import: `next build` imports
 * modules with no database around). The embedded database migrates itself on open.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.__livemindDb ??= (async () => {
    const handle = await openDatabase();
    if (isEmbeddedDatabase()) await migrateDatabase(handle);
    return handle;
  })().catch((error: unknown) => {
    globalForDb.__livemindDb = undefined;
    throw error;
  });
  return globalForDb.__livemindDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

export { schema };
