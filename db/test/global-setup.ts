import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { writeMigratedPgliteSnapshot } from "./pglite-snapshot";
import { clusterUnavailableReason, startPostgresCluster } from "./postgres-cluster";
import { warnPostgresSkipped } from "./skip-banner";
import "./test-postgres";
import { startWsProxy } from "./ws-proxy";

/*
 * Once per Vitest run: a migrated PGlite snapshot that each `pglite` suite copies, and one
 * PostgreSQL 15 cluster plus WebSocket proxy in which each `pg` / `neon` suite creates its own
 * database. Without the binaries those suites skip, loudly (see drivers.ts), instead of failing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "livemind-test-"));
  const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    const snapshot = path.join(dir, "pglite-migrated.tar");
    const reason = clusterUnavailableReason();
    const clusterStarted = reason
      ? Promise.resolve(null)
      : startPostgresCluster().then((cluster) => {
          cleanups.push(cluster.stop);
          return cluster;
        });
    const settled = await Promise.allSettled([clusterStarted, writeMigratedPgliteSnapshot(snapshot)]);
    const failure = settled.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
    const cluster = await clusterStarted;
    project.provide("pgliteSnapshot", snapshot);

    if (!cluster) {
      const why = reason ?? "PostgreSQL unavailable";
      project.provide("testPostgres", { available: false, reason: why });
      warnPostgresSkipped(why, "every pg and neon database suite");
      return async () => {
        await teardown();
        // Said again at the end of the run, where it cannot scroll away.
        warnPostgresSkipped(why, "every pg and neon database suite");
      };
    }

    const proxy = await startWsProxy(cluster);
    cleanups.push(proxy.close);
    project.provide("testPostgres", {
      available: true,
      url: `postgres://postgres@${cluster.host}:${cluster.port}/postgres`,
      host: cluster.host,
      port: cluster.port,
      wsProxyPort: proxy.port,
    });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
