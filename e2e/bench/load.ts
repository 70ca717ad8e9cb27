import { randomBytes } from "node:crypto";
import path from "node:path";
import { count } from "drizzle-orm";
import { openPg, openPglite } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { transcriptions } from "@/db/schema";
import { clusterUnavailableReason, startPostgresCluster, type PostgresCluster } from "@/db/test/postgres-cluster";
import { startGeminiDouble, TEST_GEMINI_KEY } from "../gemini-double";
import { OwnAppServer } from "../live/app-server";
import { APP_PORT } from "../support/ports";
import { ensureBuild, serverActionId } from "./app-build";
import type { BenchFigure } from "./figure";
import { BrowserClient, closeClientSockets } from "./load-client";
import { phaseLine, runPhase, SampleSink, type PhaseResult } from "./load-phase";
import { processGroupCpuMs } from "./process-cpu";
import { SimulatedConversation, type ActionIds } from "./load-traffic";

/*
 * Many live conversations at once against `next start` (the e2e production build), first on a
 * throwaway PostgreSQL 15 cluster, then on the embedded PGlite. Each simulated browser signs up
 * through the auth API, turns recording on and starts its conversation through the real server
 * actions (the token is minted by a Gemini double of the benchmark's own), then talks at a
 * person's pace (see load-traffic.ts) for BENCH_LOAD_SECONDS. Afterwards the pace is raised step
 * by step until turn writes answer p95 over SATURATION_P95_MS or anything fails: the last
 * healthy step is the saturation throughput. Loopback only; bounded in count and time.
 */

// Beside the e2e servers (APP_PORT, +1 for the restart spec) and the live latency bench (+2).
const PORT = APP_PORT + 3;
const CONVERSATIONS = Number(process.env.BENCH_LOAD_CONVERSATIONS ?? 200);
const STEADY_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const WARMUP_SECONDS = 5;
const RAMP_SPEEDS = [2, 4, 8, 16, 32];
const RAMP_STEP_SECONDS = 6;
const SATURATION_P95_MS = 100;
const SETUP_PARALLEL = 8;

interface Actions extends ActionIds {
  start: string;
  recording: string;
}

async function inParallel<T>(count: number, width: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) {
      const index = next++;
      out[index] = await make(index);
    }
  }));
  return out;
}

/** A browser that signs up, turns recording on and starts a conversation, as a person would. */
async function openConversation(baseUrl: string, actions: Actions, sink: SampleSink, tag: string, index: number): Promise<SimulatedConversation> {
  const client = new BrowserClient(baseUrl);
  const credentials = { email: `load-${tag}-${index}@livemind.test`, password: `load-${tag}-${index}-password` };
  const signUp = await client.postJson("/api/auth/sign-up/email", { name: `Load ${index}`, ...credentials });
  if (signUp.status !== 200) throw new Error(`sign-up answered ${signUp.status}`);
  // Sign-up starts no session (it answers a taken email as a new one); signing in does.
  const signIn = await client.postJson("/api/auth/sign-in/email", credentials);
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const recording = await client.action("/settings", actions.recording, { saveAudio: true, saveVideoFrames: false, mediaRetentionDays: 30 });
  if (!recording.result?.ok) throw new Error(`saving the recording preference answered ${recording.status}`);
  const start = await client.action("/live", actions.start, { voice: "Puck", cameraEnabled: false, micEnabled: true });
  const sessionId = start.result?.data?.sessionId;
  if (typeof sessionId !== "string") throw new Error(`starting a conversation answered ${start.status} ${start.result?.error?.code ?? ""}`);
  // The browser marks the session ACTIVE once its socket is set up.
  const active = await client.action("/live", actions.markActive, { sessionId });
  if (!active.result?.ok) throw new Error(`marking the conversation active answered ${active.status}`);
  return new SimulatedConversation(client, sessionId, actions, sink.record);
}

function phaseFigures(label: string, result: PhaseResult, target: boolean): BenchFigure[] {
  const out: BenchFigure[] = [];
  for (const kind of ["turn", "segment", "heartbeat"] as const) {
    const f = result.byKind[kind];
    const name = `${label}: ${kind} write`;
    out.push({ name: `${name} p50 (n=${f.count})`, value: f.p50, unit: "ms" });
    out.push({ name: `${name} p95`, value: f.p95, unit: "ms", ...(target && kind === "turn" ? { target: "≤ 50 ms" } : {}) });
    out.push({ name: `${name} p99`, value: f.p99, unit: "ms" });
  }
  const errors = result.byKind.turn.errors + result.byKind.segment.errors + result.byKind.heartbeat.errors;
  out.push({ name: `${label}: errors`, value: errors, unit: "", ...(target ? { target: "0" } : {}) });
  out.push({ name: `${label}: writes answered`, value: result.writesPerSecond, unit: "/s" });
  return out;
}

async function loadOn(database: "PostgreSQL" | "PGlite", actions: Actions, geminiUrl: string): Promise<BenchFigure[]> {
  let cluster: PostgresCluster | null = null;
  const env: Record<string, string> = { GEMINI_API_BASE_URL: geminiUrl, GEMINI_API_KEY: TEST_GEMINI_KEY };
  if (database === "PostgreSQL") {
    cluster = await startPostgresCluster();
    const url = `postgres://postgres@${cluster.host}:${cluster.port}/postgres`;
    const handle = await openPg(url);
    await migrateDatabase(handle);
    await handle.close();
    Object.assign(env, { DATABASE_DRIVER: "pg", DATABASE_URL: url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64") });
  }
  const server = new OwnAppServer(PORT, env);
  const label = `${database}, ${CONVERSATIONS} conversations`;
  try {
    await server.start();
    const sink = new SampleSink();
    const tag = Date.now().toString(36);
    const setupStarted = Date.now();
    const conversations = await inParallel(CONVERSATIONS, SETUP_PARALLEL, (index) => openConversation(server.baseUrl, actions, sink, tag, index));
    console.log(`[load] ${database}: ${CONVERSATIONS} accounts signed up and conversations started in ${Math.round((Date.now() - setupStarted) / 1000)} s`);

    await runPhase(conversations, sink, { seconds: WARMUP_SECONDS, speed: 1 });
    const cpuBefore = serverCpuMs(server);
    const steady = await runPhase(conversations, sink, { seconds: STEADY_SECONDS, speed: 1 });
    const cpuAfter = serverCpuMs(server);
    console.log(`[load] ${phaseLine(`${database} ×1`, steady)}`);
        const cpuPerWrite = cpuBefore !== null && cpuAfter !== null && steady.requests > 0 ? Math.round(((cpuAfter - cpuBefore) / steady.requests) * 10) / 10 : null;

    let saturation: PhaseResult | null = null;
    for (const speed of RAMP_SPEEDS) {
      const step = await runPhase(conversations, sink, { seconds: RAMP_STEP_SECONDS, speed });
      console.log(`[load] ${phaseLine(`${database} ×${speed}`, step)}`);
      const errors = step.byKind.turn.errors + step.byKind.segment.errors + step.byKind.heartbeat.errors;
      if (errors > 0 || !(step.byKind.turn.p95 <= SATURATION_P95_MS)) break;
      saturation = step;
    }
    const healthyBase = steady.byKind.turn.p95 <= SATURATION_P95_MS ? steady : null;
    const best = saturation ?? healthyBase;

    const stored = await storedTurns(server, cluster);
    return [
      ...phaseFigures(label, steady, database === "PostgreSQL"),
      // Load-independent: what one write costs the app server, and what a core could answer at that cost.
      ...(cpuPerWrite === null
        ? []
        : [
            { name: `${database}: app server CPU per write (steady phase)`, value: cpuPerWrite, unit: "ms" },
            { name: `${database}: writes one core could answer at that cost`, value: Math.round(1000 / cpuPerWrite), unit: "/s", target: "≥ the pace asked, about 117/s at 200 conversations" },
          ]),
      { name: `${database}: saturation, turn writes (p95 ≤ ${SATURATION_P95_MS} ms, 0 errors)`, value: best?.turnsPerSecond ?? 0, unit: "/s" },
      { name: `${database}: saturation, all writes`, value: best?.writesPerSecond ?? 0, unit: "/s" },
      { name: `${database}: turns acknowledged`, value: sink.acknowledgedTurns, unit: "" },
      { name: `${database}: turns stored (each once)`, value: stored, unit: "", target: "= acknowledged" },
    ];
  } finally {
    await server.dispose();
    await cluster?.stop();
  }
}

function serverCpuMs(server: OwnAppServer): number | null {
  return server.processGroup === null ? null : processGroupCpuMs(server.processGroup);
}

/** Turns in the database after the run, read directly (the server stopped first for PGlite's single writer). */
async function storedTurns(server: OwnAppServer, cluster: PostgresCluster | null): Promise<number> {
  await server.kill();
  const handle = cluster
    ? await openPg(`postgres://postgres@${cluster.host}:${cluster.port}/postgres`)
    : await openPglite(path.join(server.dataDir, "pglite"));
  try {
    const [row] = await handle.db.select({ n: count() }).from(transcriptions);
    return row?.n ?? 0;
  } finally {
    await handle.close();
  }
}

export async function run(): Promise<BenchFigure[]> {
  ensureBuild("load");
  const actions: Actions = {
    start: serverActionId("app/(app)/live/actions.ts", "startLiveSession"),
    markActive: serverActionId("app/(app)/live/actions.ts", "markLiveSessionActive"),
    recording: serverActionId("app/(app)/settings/actions.ts", "saveRecordingPreferences"),
  };
  const double = await startGeminiDouble();
  const figures: BenchFigure[] = [];
  try {
    const skipped = clusterUnavailableReason();
    if (skipped) console.log(`[load] PostgreSQL skipped: ${skipped}`);
    else figures.push(...(await loadOn("PostgreSQL", actions, double.url)));
    figures.push(...(await loadOn("PGlite", actions, double.url)));
    return figures;
  } finally {
    closeClientSockets();
    await double.close();
  }
}
