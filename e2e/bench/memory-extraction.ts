import { performance } from "node:perf_hooks";
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db/index";
import { createLiveSession, endLiveSession } from "@/db/queries/live-sessions";
import { appendTurns } from "@/db/queries/transcripts";
import { jobs, user } from "@/db/schema";
import { TEST_GEMINI_KEY } from "@/e2e/gemini-double/constants";
import { startGeminiDouble, type GeminiDouble } from "@/e2e/gemini-double/server";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import { resetBreakers } from "@/lib/jobs/breakers";
import { runDueJobs } from "@/lib/jobs/runner";
import { extractConversationMemories } from "@/lib/memory/extraction";
import { MEMORY_EXTRACT_JOB } from "@/lib/memory/job-kinds";
import { onEachDatabase, type BenchDatabase } from "./bench-database";
import type { BenchFigure } from "./figure";

/*
 * Memory extraction against the Gemini double, through the app's own job path: CONVERSATIONS
 * ended conversations of LINES lines each (ending one queues its memory.extract job in the same
 * transaction), then RUNNERS job runners side by side until none is left. Each job reads the
 * transcript and the user's memories, calls the double's generateContent (structured output) and
 * embedContent, and applies the operations in one transaction. The double answers at once, so
 * the figures are our side's cost; a real model adds its own seconds per job.
 */

const USERS = 8;
const CONVERSATIONS = 80;
const LINES = 12;
const RUNNERS = 4;
const SEED = { users: USERS, sessions: USERS, turnsPerSession: 2, days: 1, password: "bench-password" };
const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const SAYINGS = [
  "My sister Anna lives in Lisbon.",
  "I'm training for the Porto half marathon in April.",
  "I prefer tea over coffee in the morning.",
  "Remember that I'm allergic to peanuts.",
];

async function endedConversations(db: Database, userIds: string[]): Promise<void> {
  for (let c = 0; c < CONVERSATIONS; c++) {
    const userId = userIds[c % userIds.length]!;
    const session = await createLiveSession(db, { userId, values });
    const turns = Array.from({ length: LINES }, (_, i) => ({
      sequenceNumber: i,
      sender: i % 2 === 0 ? ("user" as const) : ("model" as const),
      text: i % 2 === 0 ? SAYINGS[(c + i) % SAYINGS.length]! : "That's good to know, tell me more.",
      startOffsetMs: i * 3000,
      endOffsetMs: i * 3000 + 2500,
      latencyMs: null,
      interrupted: false,
      inputTokens: null,
      outputTokens: null,
    }));
    await appendTurns(db, { userId, sessionId: session.id, turns });
    await endLiveSession(db, { userId, sessionId: session.id, status: "ENDED" });
  }
}

async function measure(label: string, bench: BenchDatabase, double: GeminiDouble): Promise<BenchFigure[]> {
  const db = bench.handle.db;
  const userIds = (await db.select({ id: user.id }).from(user).limit(USERS)).map((u) => u.id);
  await endedConversations(db, userIds);
  double.reset();
  resetBreakers();
  const durations: number[] = [];
  const handlers = {
    [MEMORY_EXTRACT_JOB]: async (database: Database, job: { userId: string | null; payload: Record<string, string> }) => {
      const started = performance.now();
      await extractConversationMemories(database, { userId: job.userId!, sessionId: job.payload.sessionId! }, { baseUrl: double.url, serverKey: TEST_GEMINI_KEY });
      durations.push(performance.now() - started);
    },
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RUNNERS }, async () => {
      while ((await runDueJobs(db, handlers, { limit: 5 })).claimed > 0);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [{ done }] = (await db.select({ done: count() }).from(jobs).where(and(eq(jobs.kind, MEMORY_EXTRACT_JOB), eq(jobs.status, "done")))) as [{ done: number }];
  return [
    { name: `${label}: extraction jobs done of ${CONVERSATIONS} (${RUNNERS} runners)`, value: done, unit: "", target: `= ${CONVERSATIONS}` },
    { name: `${label}: extraction throughput`, value: Math.round((durations.length / seconds) * 10) / 10, unit: "jobs/s" },
    { name: `${label}: one extraction job p50`, value: Math.round(percentileNearestRank(durations, 50) ?? 0), unit: "ms" },
    { name: `${label}: one extraction job p95`, value: Math.round(percentileNearestRank(durations, 95) ?? 0), unit: "ms" },
  ];
}

export async function run(): Promise<BenchFigure[]> {
  const double = await startGeminiDouble();
  try {
    return await onEachDatabase(SEED, (driver, bench) => measure(driver, bench, double));
  } finally {
    await double.close();
  }
}
