import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import type { Database } from "@/db";
import type { TurnInput } from "@/lib/live/contract";
import { liveSessions, sessionAnalytics, transcriptions } from "../schema";
import { createLiveSession, endLiveSession } from "./live-sessions";
import { appendTurns, listTurns } from "./transcripts";

const turn = (sequenceNumber: number, overrides: Partial<TurnInput> = {}): TurnInput => ({
  sequenceNumber,
  sender: sequenceNumber % 2 === 0 ? "user" : "model",
  text: `line ${sequenceNumber}`,
  startOffsetMs: sequenceNumber * 2000,
  endOffsetMs: sequenceNumber * 2000 + 1500,
  latencyMs: sequenceNumber % 2 === 0 ? null : 400 + sequenceNumber * 100,
  interrupted: false,
  inputTokens: sequenceNumber % 2 === 0 ? null : 50,
  outputTokens: sequenceNumber % 2 === 0 ? null : 20,
  ...overrides,
});

async function openSession(db: Database, userId: string, now = new Date()) {
  const values = { model: "m", voice: "Zephyr", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "be kind" };
  return createLiveSession(db, { userId, values, now });
}

describeEachDriver("transcripts", ({ db }) => {
  it("stores a batch once however often it is sent, acknowledging it every time", async () => {
    const user = await createTestUser(db());
    const session = await openSession(db(), user.id);
    const batch = [turn(0), turn(1), turn(2)];
    expect(await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: batch })).toEqual({ acknowledged: [0, 1, 2] });
    expect(await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: batch })).toEqual({ acknowledged: [0, 1, 2] });
    // An overlapping retry with one new turn, and a duplicate inside one batch.
    const interrupted = turn(3, { interrupted: true, heardMs: 640 });
    expect(await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [interrupted, turn(2), interrupted] })).toEqual({ acknowledged: [2, 3] });

    const rows = await db().select().from(transcriptions).where(eq(transcriptions.sessionId, session.id));
    expect(rows).toHaveLength(4);
    const stored = await listTurns(db(), { userId: user.id, sessionId: session.id });
    expect(stored.map((t) => [t.sequenceNumber, t.sender, t.text])).toEqual([
      [0, "user", "line 0"],
      [1, "model", "line 1"],
      [2, "user", "line 2"],
      [3, "model", "line 3"],
    ]);
    expect(stored[1]).toMatchObject({ latencyMs: 500, inputTokens: 50, outputTokens: 20, startOffsetMs: 2000, endOffsetMs: 3500 });
    expect(stored[3]).toMatchObject({ interrupted: true, heardMs: 640 });
    expect(rows.find((r) => r.sequenceNumber === 0)?.transcriptionType).toBe("input");
    expect(rows.find((r) => r.sequenceNumber === 1)?.transcriptionType).toBe("output");
  });

  it("bumps the session's last activity", async () => {
    const user = await createTestUser(db());
    const t0 = new Date("2030-03-01T12:00:00Z");
    const session = await openSession(db(), user.id, t0);
    const later = new Date(t0.getTime() + 60_000);
    await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [turn(0)], now: later });
    const [row] = await db().select().from(liveSessions).where(eq(liveSessions.id, session.id));
    expect(row?.lastActivityAt.toISOString()).toBe(later.toISOString());
  });

  it("dates each turn from the session's start and its offset, or the write's time when it has none", async () => {
    const user = await createTestUser(db());
    const t0 = new Date("2030-03-01T12:00:00Z");
    const session = await openSession(db(), user.id, t0);
    const written = new Date(t0.getTime() + 90_000);
    await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [turn(0, { startOffsetMs: 1234 }), turn(1, { startOffsetMs: null })], now: written });
    const stored = await listTurns(db(), { userId: user.id, sessionId: session.id });
    expect(stored.map((t) => t.timestamp.toISOString())).toEqual(["2030-03-01T12:00:01.234Z", written.toISOString()]);
  });

  it("leaves an ended session's activity as it was when late turns arrive", async () => {
    const user = await createTestUser(db());
    const t0 = new Date("2030-03-02T12:00:00Z");
    const session = await openSession(db(), user.id, t0);
    const endedAt = new Date(t0.getTime() + 30_000);
    await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED", now: endedAt });
    await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [turn(0)], now: new Date(t0.getTime() + 60_000) });
    const [row] = await db().select().from(liveSessions).where(eq(liveSessions.id, session.id));
    expect(row?.lastActivityAt.toISOString()).toBe(endedAt.toISOString());
    expect(await listTurns(db(), { userId: user.id, sessionId: session.id })).toHaveLength(1);
  });

  it("refuses another user's session as not found and stores nothing", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const session = await openSession(db(), alice.id);
    await expect(appendTurns(db(), { userId: bob.id, sessionId: session.id, turns: [turn(0)] })).rejects.toMatchObject({
      code: "not_found:session",
      status: 404,
    });
    await expect(listTurns(db(), { userId: bob.id, sessionId: session.id })).rejects.toMatchObject({ code: "not_found:session" });
    expect(await db().select().from(transcriptions).where(eq(transcriptions.sessionId, session.id))).toHaveLength(0);
  });

  it("keeps turns flushed after the session ended and folds them into its analytics", async () => {
    const user = await createTestUser(db());
    const session = await openSession(db(), user.id);
    await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [turn(0), turn(1)] });
    const ended = await endLiveSession(db(), {
      userId: user.id,
      sessionId: session.id,
      status: "ENDED",
      stats: { audioSeconds: 12, videoFrameCount: 3, errorCount: 0, resumptions: 0 },
    });
    expect(ended.analytics).toMatchObject({ userMessageCount: 1, modelMessageCount: 1, responseTimeMeanMs: 500, tokensIn: 50 });

    // The pagehide beacon arrives after Stop: turn 3 was interrupted with latency 700.
    const late = await appendTurns(db(), {
      userId: user.id,
      sessionId: session.id,
      turns: [turn(1), turn(2), turn(3, { interrupted: true })],
    });
    expect(late).toEqual({ acknowledged: [1, 2, 3] });
    const [analytics] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id));
    expect(analytics).toMatchObject({
      userMessageCount: 2,
      modelMessageCount: 2,
      responseTimeMeanMs: 600,
      responseTimeP95Ms: 700,
      interruptionCount: 1,
      tokensIn: 100,
      tokensOut: 40,
      // The browser's counters from Stop survive the recomputation.
      audioSeconds: 12,
      videoFrameCount: 3,
    });
  });
});
