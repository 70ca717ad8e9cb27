import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDriver } from "../test/drivers";
import { checkDatabase } from "./health";

// DESIGN §4: better-auth's tables, the rate-limit store, and every feature table.
const DESIGN_TABLES = [
  "user",
  "session",
  "account",
  "verification",
  "rate_limit",
  "user_preferences",
  "api_credentials",
  "personas",
  "live_sessions",
  "transcriptions",
  "audio_chunks",
  "video_frames",
  "session_analytics",
  "memories",
  "memory_entities",
  "jobs",
];

describeEachDriver("database health and migrated schema", ({ db, driver }) => {
  // Every driver's execute() resolves to a result with `rows`; the shared Database type leaves it unknown.
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as { rows: T[] }).rows;

  it("talks to the database through the driver this suite is named after", async () => {
    const client = (db() as unknown as { $client: unknown }).$client;
    const expected = {
      pglite: async () => (await import("@electric-sql/pglite")).PGlite,
      pg: async () => (await import("pg")).default.Pool,
      // Neon's Pool reaches Postgres only over WebSockets, so this suite went through the proxy.
      neon: async () => (await import("@neondatabase/serverless")).Pool,
    }[driver];
    expect(client).toBeInstanceOf(await expected());
    const [row] = await rows<{ version: string }>(sql`select version()`);
    expect(row?.version).toMatch(driver === "pglite" ? /^PostgreSQL \d+/ : /^PostgreSQL 15\./);
  });

  it("reports the database reachable through this driver", async () => {
    const health = await checkDatabase({ db: db(), driver, close: async () => {} });
    expect(health).toMatchObject({ reachable: true, driver });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("has every table of the data model", async () => {
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(DESIGN_TABLES));
  });

  it("indexes transcriptions uniquely by (session, sequence) and searches each user's with GIN", async () => {
    const indexes = await rows<{ indexname: string; indexdef: string }>(
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'transcriptions'`,
    );
    const defs = indexes.map((index) => index.indexdef);
    expect(defs).toContainEqual(expect.stringMatching(/^CREATE UNIQUE INDEX \S+ ON public\.transcriptions USING btree \(session_id, sequence_number\)$/));
    expect(defs).toContainEqual(expect.stringMatching(/USING gin \(user_id, search_vector\)/));
  });

  it("lists a user's sessions newest first from an index", async () => {
    const [index] = await rows<{ indexdef: string }>(
      sql`select indexdef from pg_indexes where indexname = 'live_sessions_user_started_idx'`,
    );
    expect(index?.indexdef).toMatch(/\(user_id, started_at DESC( NULLS LAST)?, id DESC( NULLS LAST)?\)/);
  });
});
