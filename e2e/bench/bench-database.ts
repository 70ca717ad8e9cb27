import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPg, openPglite, type DatabaseHandle } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { newSeedTag, seedDatabase, type SeedOptions, type SeedResult } from "@/db/seed/seed";
import { clusterUnavailableReason, startPostgresCluster } from "@/db/test/postgres-cluster";
import type { BenchFigure } from "./figure";

/*
 * A seeded database for a query benchmark: a throwaway PostgreSQL 15 cluster (the same one the
 * tests start) or a PGlite directory in a temp dir, migrated and seeded, removed afterwards.
 */

export interface BenchDatabase {
  handle: DatabaseHandle;
  seed: SeedResult;
  /** The PostgreSQL cluster's URL, for an app server the benchmark starts on it (null for PGlite). */
  url: string | null;
  dispose: () => Promise<void>;
}

export type BenchDriver = "PostgreSQL" | "PGlite";

/**
 * `measure` on a throwaway PostgreSQL 15 (a figure says why where the machine has none), then on
 * PGlite, each seeded alike and removed afterwards.
 */
export async function onEachDatabase(
  options: Omit<SeedOptions, "tag">,
  measure: (driver: BenchDriver, bench: BenchDatabase) => Promise<BenchFigure[]>,
): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const postgres = await seededPostgres({ ...options, tag: newSeedTag() });
  if ("skipped" in postgres) figures.push({ name: `PostgreSQL skipped: ${postgres.skipped}`, value: 0, unit: "" });
  else {
    try {
      figures.push(...(await measure("PostgreSQL", postgres)));
    } finally {
      await postgres.dispose();
    }
  }
  const pglite = await seededPglite({ ...options, tag: newSeedTag() });
  try {
    figures.push(...(await measure("PGlite", pglite)));
  } finally {
    await pglite.dispose();
  }
  return figures;
}

export async function seededPostgres(options: SeedOptions): Promise<BenchDatabase | { skipped: string }> {
  const reason = clusterUnavailableReason();
  if (reason) return { skipped: reason };
  const cluster = await startPostgresCluster();
  try {
    const url = `postgres://postgres@${cluster.host}:${cluster.port}/postgres`;
    return await seeded(await openPg(url), options, cluster.stop, url);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

export async function seededPglite(options: SeedOptions): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "livemind-bench-"));
  const handle = await openPglite(path.join(dir, "pglite"));
  return seeded(handle, options, async () => rmSync(dir, { recursive: true, force: true }), null);
}

async function seeded(handle: DatabaseHandle, options: SeedOptions, cleanup: () => Promise<void>, url: string | null): Promise<BenchDatabase> {
  await migrateDatabase(handle);
  const seed = await seedDatabase(handle.db, options);
  // Statistics and visibility maps as autovacuum keeps them on a database in use.
  await handle.db.execute("VACUUM ANALYZE");
  return {
    handle,
    seed,
    url,
    dispose: async () => {
      await handle.close();
      await cleanup();
    },
  };
}
