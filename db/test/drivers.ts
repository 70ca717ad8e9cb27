import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { type Database, type DatabaseHandle, type DriverName, openPg, schema } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { openPgliteSnapshot } from "./pglite-snapshot";
import { warnPostgresSkipped } from "./skip-banner";
import "./test-postgres";
import type { TestPostgres } from "./test-postgres";

export type { Database, DriverName };

export interface DriverContext {
  /** The suite's database; valid from beforeAll to afterAll. */
  db: () => Database;
  driver: DriverName;
}

const DRIVERS: DriverName[] = ["pglite", "pg", "neon"];

/**
 * Runs `body` once per driver — in-memory PGlite, node-postgres and Neon's serverless Pool
 * (through the local WebSocket proxy) against the test PostgreSQL 15 server — each time on a
 * fresh database with every committed migration applied. A suite too slow for three may name fewer.
 */
export function describeEachDriver(title: string, body: (ctx: DriverContext) => void, { drivers = DRIVERS }: { drivers?: DriverName[] } = {}): void {
  for (const driver of drivers) {
    const name = `${title} [${driver}]`;
    const server = driver === "pglite" ? null : inject("testPostgres");
    if (server && !server.available) {
      warnPostgresSkipped(server.reason, name);
      describe.skip(name, () => body({ db: unavailable, driver }));
      continue;
    }
    describe(name, () => {
      let suite: { handle: DatabaseHandle; dispose: () => Promise<void> } | undefined;
      beforeAll(async () => {
        suite = server ? await openServerDatabase(driver, server) : await openMemoryDatabase();
        await migrateDatabase(suite.handle);
      });
      afterAll(async () => {
        await suite?.dispose();
        suite = undefined;
      });
      body({
        driver,
        db: () => {
          if (!suite) throw new Error(`The ${driver} test database is open only inside tests and hooks`);
          return suite.handle.db;
        },
      });
    });
  }
}

async function openMemoryDatabase() {
  const handle = await openPgliteSnapshot(inject("pgliteSnapshot"));
  return { handle, dispose: handle.close };
}

async function openServerDatabase(driver: DriverName, server: Extract<TestPostgres, { available: true }>) {
  const name = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await adminQuery(server.url, `CREATE DATABASE ${name}`);
  const handle =
    driver === "neon"
      ? await openNeonThroughProxy(`postgres://postgres@localhost:${server.port}/${name}`, server.wsProxyPort)
      : await openPg(withDatabase(server.url, name));
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await adminQuery(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Neon's Pool as production opens it, pointed at the local proxy instead of Neon's. */
async function openNeonThroughProxy(url: string, proxyPort: number): Promise<DatabaseHandle> {
  const [{ Pool, neonConfig }, { drizzle }, { default: ws }] = await Promise.all([
    import("@neondatabase/serverless"),
    import("drizzle-orm/neon-serverless"),
    import("ws"),
  ]);
  neonConfig.webSocketConstructor = ws;
  neonConfig.wsProxy = () => `127.0.0.1:${proxyPort}/v1`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  const pool = new Pool({ connectionString: url });
  // The suite drops its database WITH (FORCE) right after pool.end(); a client still closing then
  // hears "terminating connection" (57P01), which would surface as an unhandled error.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") throw error;
  });
  return { db: drizzle({ client: pool, schema }) as unknown as Database, driver: "neon", close: () => pool.end() };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function unavailable(): never {
  throw new Error("This driver's suite is skipped: no PostgreSQL server");
}
