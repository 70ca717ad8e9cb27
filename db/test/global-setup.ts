import type { TestProject } from "vitest/node";
import { clusterUnavailableReason, startPostgresCluster } from "./postgres-cluster";
import { warnPostgresSkipped } from "./skip-banner";
import "./test-postgres";
import { startWsProxy } from "./ws-proxy";

/*
 * Starts one PostgreSQL 15 cluster and one WebSocket proxy for the whole Vitest run; every
 * `pg` / `neon` suite creates its own database in it. Without the binaries the suites skip
 * (loudly, see drivers.ts) instead of failing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reason = clusterUnavailableReason();
  if (reason) {
    project.provide("testPostgres", { available: false, reason });
    warnPostgresSkipped(reason, "every pg and neon database suite");
    // Said again at the end of the run, where it cannot scroll away.
    return async () => warnPostgresSkipped(reason, "every pg and neon database suite");
  }
  const cluster = await startPostgresCluster();
  const proxy = await startWsProxy(cluster).catch(async (error: unknown) => {
    await cluster.stop();
    throw error;
  });
  project.provide("testPostgres", {
    available: true,
    url: `postgres://postgres@${cluster.host}:${cluster.port}/postgres`,
    host: cluster.host,
    port: cluster.port,
    wsProxyPort: proxy.port,
  });
  return async () => {
    await proxy.close();
    await cluster.stop();
  };
}
