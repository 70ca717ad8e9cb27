import { randomBytes } from "node:crypto";
import { openPg } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { startPostgresCluster } from "@/db/test/postgres-cluster";
import { startGeminiDouble, TEST_GEMINI_KEY } from "../../gemini-double";
import { OwnAppServer } from "../../live/app-server";
import { serverActionId } from "../app-build";
import { BrowserClient, closeClientSockets } from "../load-client";

const db = process.argv[2] ?? "pg";
const double = await startGeminiDouble();
const env: Record<string, string> = { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: TEST_GEMINI_KEY, ...(process.env.PROBE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.PROBE_NODE_OPTIONS } : {}) };
const cluster = db === "pg" ? await startPostgresCluster() : null;
if (cluster) {
  const url = `postgres://postgres@${cluster.host}:${cluster.port}/postgres`;
  const h = await openPg(url); await migrateDatabase(h); if (process.env.PROBE_LOG) { await h.db.execute("ALTER SYSTEM SET log_statement = 'all'" as never); await h.db.execute("select pg_reload_conf()" as never); } await h.close();
  Object.assign(env, { DATABASE_DRIVER: "pg", DATABASE_URL: url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64") });
  if (process.env.PROBE_LOG) console.log("pg", url, cluster.port);
}
const server = new OwnAppServer(3261, env);
try {
  await server.start();
  const c = new BrowserClient(server.baseUrl);
  let t = performance.now();
  const su = await c.postJson("/api/auth/sign-up/email", { name: "P", email: `p${Date.now()}@livemind.test`, password: "probe-password-123" });
  console.log("signup", su.status, Math.round(performance.now() - t));
  const start = await c.action("/live", serverActionId("app/(app)/live/actions.ts", "startLiveSession"), { voice: "Puck", cameraEnabled: false, micEnabled: true });
  const sid = start.result?.data?.sessionId as string;
  console.log("start", start.status, Math.round(start.ms));
  const spid = (server as unknown as { process: { pid: number } | null }).process?.pid;
  const signalAll = (sig: NodeJS.Signals) => { if (spid && process.env.PROBE_NODE_OPTIONS) { try { process.kill(-spid, sig); } catch (e) { console.log('signal', e); } } };
  for (let i = 0; i < 10; i++) await c.postJson(`/api/live/sessions/${sid}/turns`, { turns: [{ sequenceNumber: 1000 + i, sender: 'user', text: 'warm', startOffsetMs: 0, endOffsetMs: 1, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null }] });
  signalAll('SIGUSR2');
  const times: Record<string, number[]> = { health: [], turn: [], session: [] };
  for (let i = 0; i < Number(process.env.PROBE_N ?? 60); i++) {
    times.health!.push((await c.post("/api/health", "", {})).ms);
    const r = await c.postJson(`/api/live/sessions/${sid}/turns`, { turns: [{ sequenceNumber: i, sender: "user", text: "hello there", startOffsetMs: i * 100, endOffsetMs: i * 100 + 50, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null }] });
    if (r.status !== 200) console.log(r.status, r.text.slice(0, 200));
    times.turn!.push(r.ms);
  }
  for (const [k, v] of Object.entries(times)) { const s = [...v].sort((a, b) => a - b); if (s.length) console.log(k, "p50", s[Math.floor(s.length / 2)]!.toFixed(1), "min", s[0]!.toFixed(1), "p90", s[Math.floor(s.length * 0.9)]!.toFixed(1)); }
  signalAll('SIGUSR2'); await new Promise((r) => setTimeout(r, 3000));
  if (cluster) { const { execSync } = await import('node:child_process'); execSync(`for f in /tmp/livemind-pg-*/postgres.log; do grep -q 'port ${cluster.port}' $f 2>/dev/null && cp $f /tmp/lb-prof/pg.log; done; true`); }
  if (process.env.PROBE_HOLD) await new Promise((r) => setTimeout(r, Number(process.env.PROBE_HOLD)));
} finally {
  closeClientSockets();
  const pid = (server as unknown as { process: { pid: number } | null }).process?.pid;
  await server.dispose(); await cluster?.stop(); await double.close();
}
