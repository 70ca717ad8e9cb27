import { hashPassword } from "better-auth/crypto";
import type { Database } from "@/db/index";
import { account, liveSessions, personas, transcriptions, user } from "@/db/schema";

/*
 * A hand-made week of conversations in a fixed past range, seeded into the e2e database before
 * the app starts (e2e/support/serve-app.ts) and into each integration test database. The
 * sessions have turns but no analytics rows: the backfill writes those. EXPECTED below is
 * worked out by hand from the table, not by the code under test.
 *
 * Europe/Berlin is UTC+1 all through the range, so 23:30 UTC is 00:30 the next day there.
 */

export const FIXTURE_TIME_ZONE = "Europe/Berlin";
export const FIXTURE_RANGE = { from: "2025-03-10", to: "2025-03-16" } as const;
export const FIXTURE_PASSWORD = "fixture-password-1";
/** Written into every fixture turn: it must never reach an admin's screen or CSV. */
export const FIXTURE_SECRET_TEXT = "fixture-private-words";

export const MODEL_A = "gemini-2.5-flash-native-audio-preview-12-2025";
export const MODEL_B = "gemini-2.0-flash-live-001";

export const FIXTURE_USERS = {
  fran: { id: "fixture-user-fran", name: "Fran Fixture", email: "fran.fixture@analytics.livemind.test", createdAt: "2025-03-10T08:00:00Z" },
  gus: { id: "fixture-user-gus", name: "Gus Fixture", email: "gus.fixture@analytics.livemind.test", createdAt: "2025-03-11T23:30:00Z" },
} as const;

const STUDY_BUDDY = { id: "0f6b8e2c-5a1d-4c3e-9b7a-2d4f6e8a0c11", name: "Study buddy" };
const ERROR_1011 = "Gemini closed the connection (1011).";

interface FixtureSession {
  id: string;
  user: keyof typeof FIXTURE_USERS;
  startedAt: string;
  seconds: number;
  status: "ENDED" | "ERROR";
  error?: string;
  model: string;
  voice: string;
  persona?: boolean;
  userTurns: number;
  latencies: number[];
  interrupted: number;
  tokensIn: number;
  tokensOut: number;
}

const g1Latencies = [...Array.from({ length: 19 }, (_, i) => 250 + i * 100), 5000];

export const FIXTURE_SESSIONS: FixtureSession[] = [
  { id: "00000000-0000-4000-8000-00000000f001", user: "fran", startedAt: "2025-03-10T09:00:00Z", seconds: 600, status: "ENDED", model: MODEL_A, voice: "Zephyr", userTurns: 4, latencies: [400, 500, 600, 700], interrupted: 1, tokensIn: 1000, tokensOut: 2000 },
  { id: "00000000-0000-4000-8000-00000000f002", user: "fran", startedAt: "2025-03-11T23:30:00Z", seconds: 300, status: "ENDED", model: MODEL_A, voice: "Puck", persona: true, userTurns: 2, latencies: [900, 300], interrupted: 0, tokensIn: 500, tokensOut: 800 },
  { id: "00000000-0000-4000-8000-00000000f003", user: "fran", startedAt: "2025-03-12T14:15:00Z", seconds: 120, status: "ERROR", error: ERROR_1011, model: MODEL_A, voice: "Zephyr", userTurns: 1, latencies: [1200], interrupted: 0, tokensIn: 100, tokensOut: 50 },
  { id: "00000000-0000-4000-8000-00000000a001", user: "gus", startedAt: "2025-03-12T10:00:00Z", seconds: 900, status: "ENDED", model: MODEL_B, voice: "Kore", userTurns: 20, latencies: g1Latencies, interrupted: 3, tokensIn: 4000, tokensOut: 6000 },
  { id: "00000000-0000-4000-8000-00000000a002", user: "gus", startedAt: "2025-03-16T20:00:00Z", seconds: 60, status: "ERROR", error: ERROR_1011, model: MODEL_A, voice: "Kore", userTurns: 1, latencies: [], interrupted: 0, tokensIn: 0, tokensOut: 0 },
  // 00:30 on Monday the 10th in Berlin: inside the Berlin range, the day before it in UTC.
  { id: "00000000-0000-4000-8000-00000000a003", user: "gus", startedAt: "2025-03-09T23:30:00Z", seconds: 240, status: "ENDED", model: MODEL_A, voice: "Aoede", userTurns: 1, latencies: [800], interrupted: 0, tokensIn: 200, tokensOut: 300 },
  // 00:30 on the 17th in Berlin: outside the Berlin range, its last day in UTC.
  { id: "00000000-0000-4000-8000-00000000a005", user: "gus", startedAt: "2025-03-16T23:30:00Z", seconds: 30, status: "ENDED", model: MODEL_A, voice: "Kore", userTurns: 1, latencies: [100], interrupted: 0, tokensIn: 10, tokensOut: 10 },
  // Outside the range in every zone.
  { id: "00000000-0000-4000-8000-00000000a004", user: "gus", startedAt: "2025-03-17T23:30:00Z", seconds: 45, status: "ENDED", model: MODEL_A, voice: "Kore", userTurns: 1, latencies: [4000], interrupted: 0, tokensIn: 7, tokensOut: 7 },
];

/** Inserts the fixture's accounts (Fran can sign in), persona, conversations and turns. */
export async function seedAnalyticsFixture(db: Database): Promise<void> {
  await db.insert(user).values(
    Object.values(FIXTURE_USERS).map((u) => ({ id: u.id, name: u.name, email: u.email, emailVerified: true, role: "user", createdAt: new Date(u.createdAt), updatedAt: new Date(u.createdAt) })),
  );
  const password = await hashPassword(FIXTURE_PASSWORD);
  await db.insert(account).values(
    Object.values(FIXTURE_USERS).map((u) => ({ id: `${u.id}-credential`, accountId: u.id, providerId: "credential", userId: u.id, password })),
  );
  await db.insert(personas).values({ id: STUDY_BUDDY.id, userId: FIXTURE_USERS.fran.id, name: STUDY_BUDDY.name, voice: "Puck" });
  for (const s of FIXTURE_SESSIONS) {
    const startedAt = new Date(s.startedAt);
    const endedAt = new Date(startedAt.getTime() + s.seconds * 1000);
    await db.insert(liveSessions).values({
      id: s.id,
      userId: FIXTURE_USERS[s.user].id,
      status: s.status,
      model: s.model,
      voice: s.voice,
      personaId: s.persona ? STUDY_BUDDY.id : null,
      startedAt,
      endedAt,
      lastActivityAt: endedAt,
      lastErrorMessage: s.error ?? null,
      totalDurationSeconds: s.seconds,
      createdAt: startedAt,
      updatedAt: endedAt,
    });
    const turns: (typeof transcriptions.$inferInsert)[] = [];
    for (let i = 0; i < Math.max(s.userTurns, s.latencies.length); i++) {
      const at = (ms: number) => new Date(startedAt.getTime() + ms);
      if (i < s.userTurns) turns.push({ sessionId: s.id, userId: FIXTURE_USERS[s.user].id, sender: "user", transcriptionType: "input", text: `${FIXTURE_SECRET_TEXT} question ${i}`, sequenceNumber: turns.length, timestamp: at(i * 10_000), startOffsetMs: i * 10_000 });
      const latency = s.latencies[i];
      if (latency === undefined) continue;
      turns.push({
        sessionId: s.id,
        userId: FIXTURE_USERS[s.user].id,
        sender: "model",
        transcriptionType: "output",
        text: `${FIXTURE_SECRET_TEXT} answer ${i}`,
        sequenceNumber: turns.length,
        timestamp: at(i * 10_000 + 5_000),
        startOffsetMs: i * 10_000 + 5_000,
        latencyMs: latency,
        interrupted: i < s.interrupted,
        inputTokens: i === 0 ? s.tokensIn : 0,
        outputTokens: i === 0 ? s.tokensOut : 0,
      });
    }
    if (turns.length > 0) await db.insert(transcriptions).values(turns);
  }
}

/** Dollars per million tokens, audio in and audio out (lib/analytics/pricing.ts): A 3 / 12, B 2.1 / 8.5. */
const cost = (aIn: number, aOut: number, bIn = 0, bOut = 0) => (aIn * 3 + aOut * 12 + bIn * 2.1 + bOut * 8.5) / 1e6;

/** The fixture range, counted in Europe/Berlin. */
export const EXPECTED = {
  fran: {
    totals: { conversations: 3, minutes: 17, turns: 14, interruptions: 1, errors: 1, responseMeanMs: 4600 / 7, responseP50Ms: 600, responseP95Ms: 1200, tokensIn: 1600, tokensOut: 2850 },
    /** Conversations and minutes per day; every other day is zero. */
    activity: { "2025-03-10": [1, 10], "2025-03-12": [2, 7] } as Record<string, [number, number]>,
    latency: { "2025-03-10": { p50: 500, p95: 700 }, "2025-03-12": { p50: 900, p95: 1200 } } as Record<string, { p50: number; p95: number }>,
    costUsd: cost(1600, 2850),
    personas: [
      { label: "Default companion", conversations: 2 },
      { label: "Study buddy", conversations: 1 },
    ],
  },
  all: {
    totals: { conversations: 6, minutes: 37, turns: 57, interruptions: 4, errors: 2, activeUsers: 2, responseMeanMs: 32250 / 28, responseP50Ms: 900, responseP95Ms: 2050, responseP99Ms: 5000, tokensIn: 5800, tokensOut: 9150 },
    activity: { "2025-03-10": [2, 14], "2025-03-12": [3, 22], "2025-03-16": [1, 1] } as Record<string, [number, number]>,
    errorsByDay: { "2025-03-12": 1, "2025-03-16": 1 } as Record<string, number>,
    activeUsers: { dau: 1, wau: 2, mau: 2 },
    signups: { "2025-03-10": 1, "2025-03-12": 1 } as Record<string, number>,
    costUsd: cost(1800, 3150, 4000, 6000),
    topUsers: [
      { email: FIXTURE_USERS.gus.email, conversations: 3, minutes: 20, costUsd: cost(200, 300, 4000, 6000) },
      { email: FIXTURE_USERS.fran.email, conversations: 3, minutes: 17, costUsd: cost(1600, 2850) },
    ],
    topErrors: [{ message: ERROR_1011, conversations: 2 }],
    voices: [
      { label: "Kore", conversations: 2 },
      { label: "Zephyr", conversations: 2 },
      { label: "Aoede", conversations: 1 },
      { label: "Puck", conversations: 1 },
    ],
    personas: [
      { label: "Default companion", conversations: 5 },
      { label: "Custom persona", conversations: 1 },
    ],
    models: [
      { label: MODEL_A, conversations: 5 },
      { label: MODEL_B, conversations: 1 },
    ],
  },
  /** The same range counted in UTC: the 23:30 sessions move a day. */
  allUtc: {
    conversations: 6,
    activity: { "2025-03-10": [1, 10], "2025-03-11": [1, 5], "2025-03-12": [2, 17], "2025-03-16": [2, 1.5] } as Record<string, [number, number]>,
  },
} as const;
