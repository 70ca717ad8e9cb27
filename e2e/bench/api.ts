import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { createApiKey } from "@/db/queries/api-keys";
import { newSeedTag } from "@/db/seed/seed";
import { user } from "@/db/schema";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import { OwnAppServer } from "../live/app-server";
import { APP_PORT } from "../support/ports";
import { ensureBuild } from "./app-build";
import { processGroupCpuMs } from "./process-cpu";
import { seededPostgres } from "./bench-database";
import type { BenchFigure } from "./figure";

/*
 * The REST API under many keys at once: `next start` (the e2e build) on a throwaway PostgreSQL 15
 * seeded with 50 users and their conversations, each user with a key of their own. 50 clients,
 * one per key, each alternate a sessions list page and a transcript search over loopback:
 * - at the most a key may ask (its limit, 120 a minute: a request every 500 ms each, 100/s in
 *   all), timed from when each request was due: the p95 the target is about;
 * - back to back with no pause (closed loop), which finds the saturation throughput.
 * Times are what the client waited (queueing in the one Node process included) and, back to back,
 * what the route recorded for itself (api_requests.duration_ms: key check to answer). The same
 * requests one at a time, and the app server's CPU per request, tell the cost of a request from
 * the wait for a busy core.
 */

// Beside the e2e servers and the restart specs (APP_PORT + 1 … + 3, + 5 … + 8).
const PORT = APP_PORT + 4;
const KEYS = 50;
const REQUESTS_PER_KEY = 20;
const SEED = { users: KEYS, sessions: 5_000, turnsPerSession: 20, days: 90, password: "bench-password" };
// The routes' own limit (120 a minute a key) paces the first phase; the second goes past it.
const BENCH_RATE_LIMIT = 1_000_000;
const PACED_INTERVAL_MS = 500;

const ROUTES = {
  list: "/api/v1/sessions?limit=20",
  search: "/api/v1/search?q=dinner&limit=20",
} as const;
type Kind = keyof typeof ROUTES;

const round2 = (value: number | null) => Math.round((value ?? 0) * 100) / 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Every key at its rate limit, each request timed from when it was due (a late start counts). */
async function paced(baseUrl: string, keys: string[]): Promise<{ samples: Record<Kind, number[]>; errors: number }> {
  const samples: Record<Kind, number[]> = { list: [], search: [] };
  let errors = 0;
  const start = performance.now() + 100;
  await Promise.all(
    keys.map(async (key, index) => {
      for (let i = 0; i < REQUESTS_PER_KEY; i++) {
        const due = start + (index * PACED_INTERVAL_MS) / keys.length + i * PACED_INTERVAL_MS;
        await sleep(due - performance.now());
        const kind: Kind = (i + index) % 2 === 0 ? "list" : "search";
        const { status } = await call(baseUrl, key, kind);
        if (status === 200) samples[kind].push(performance.now() - due);
        else errors += 1;
      }
    }),
  );
  return { samples, errors };
}

async function call(baseUrl: string, key: string, kind: Kind): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${ROUTES[kind]}`, { headers: { authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

export async function run(): Promise<BenchFigure[]> {
  ensureBuild("api");
  const bench = await seededPostgres({ ...SEED, tag: newSeedTag() });
  if ("skipped" in bench) {
    console.log(`[api] skipped: ${bench.skipped}`);
    return [];
  }
  const server = new OwnAppServer(PORT, { DATABASE_DRIVER: "pg", DATABASE_URL: bench.url!, BETTER_AUTH_SECRET: randomBytes(32).toString("base64") });
  try {
    const db = bench.handle.db;
    const users = await db.select({ id: user.id }).from(user).limit(KEYS);
    const keys: string[] = [];
    for (const { id } of users) keys.push((await createApiKey(db, { userId: id, input: { name: "bench", scopes: ["sessions:read", "transcripts:read"] } })).key);
    await db.execute(sql`update api_keys set rate_limit_per_minute = ${BENCH_RATE_LIMIT}`);
    await server.start();

    // Warm-up: every route compiled and every key seen once, one at a time.
    for (const key of keys) for (const kind of ["list", "search"] as const) await call(server.baseUrl, key, kind);
    const alone: Record<Kind, number[]> = { list: [], search: [] };
    for (const [index, key] of keys.entries()) for (const kind of ["list", "search"] as const) if (index < 40) alone[kind].push((await call(server.baseUrl, key, kind)).ms);
    const atLimit = await paced(server.baseUrl, keys);
    const since = new Date();
    const cpuBefore = processGroupCpuMs(server.processGroup!);

    const samples: Record<Kind, number[]> = { list: [], search: [] };
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      keys.map(async (key, index) => {
        for (let i = 0; i < REQUESTS_PER_KEY; i++) {
          const kind: Kind = (i + index) % 2 === 0 ? "list" : "search";
          const { ms, status } = await call(server.baseUrl, key, kind);
          if (status === 200) samples[kind].push(ms);
          else errors += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = processGroupCpuMs(server.processGroup!);
    const answered = samples.list.length + samples.search.length;
    const recorded = await db.execute(sql`select route, percentile_disc(0.95) within group (order by duration_ms) as p95
                                           from api_requests where created_at >= ${since} group by route`);
    const serverP95 = new Map((recorded as unknown as { rows: { route: string; p95: number }[] }).rows.map((r) => [r.route, Number(r.p95)]));

    const label = `PostgreSQL, ${keys.length} keys at once`;
    const limitLabel = `PostgreSQL, ${keys.length} keys each at its limit (${Math.round((keys.length * 1000) / PACED_INTERVAL_MS)}/s)`;
    return [
      { name: `${limitLabel}: errors`, value: atLimit.errors, unit: "", target: "0" },
      ...(["list", "search"] as const).flatMap((kind): BenchFigure[] => [
        { name: `${limitLabel}: ${kind} p50 (n=${atLimit.samples[kind].length})`, value: round2(percentileNearestRank(atLimit.samples[kind], 50)), unit: "ms" },
        { name: `${limitLabel}: ${kind} p95`, value: round2(percentileNearestRank(atLimit.samples[kind], 95)), unit: "ms", target: "≤ 50 ms" },
      ]),
      { name: `${label} (back to back): requests answered`, value: Math.round(answered / seconds), unit: "/s" },
      { name: `${label}: errors`, value: errors, unit: "", target: "0" },
      ...(cpuBefore === null || cpuAfter === null ? [] : [{ name: `${label}: app server CPU per request`, value: round2((cpuAfter - cpuBefore) / answered), unit: "ms" }]),
      ...(["list", "search"] as const).flatMap((kind): BenchFigure[] => [
        { name: `one key at a time: ${kind} p95 (n=${alone[kind].length})`, value: round2(percentileNearestRank(alone[kind], 95)), unit: "ms" },
        { name: `${label}: ${kind} p50, client (n=${samples[kind].length})`, value: round2(percentileNearestRank(samples[kind], 50)), unit: "ms" },
        { name: `${label}: ${kind} p95, client`, value: round2(percentileNearestRank(samples[kind], 95)), unit: "ms" },
        { name: `${label}: ${kind} p95, recorded by the route`, value: round2(serverP95.get(kind === "list" ? "/api/v1/sessions" : "/api/v1/search") ?? null), unit: "ms" },
      ]),
    ];
  } finally {
    await server.dispose();
    await bench.dispose();
  }
}
