import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { liveSessions, sessionAnalytics, transcriptions } from "../schema";
import { describeEachDriver, type Database } from "../test/drivers";
import { createTestUser } from "../test/fixtures";
import { getInsightsDailyTokens, getInsightsTotals } from "./analytics";
import { getAdminDailyTokens, getAdminTotals } from "./analytics-admin";
import { backfillSessionAnalytics } from "./analytics-backfill";
import { closeStaleSessions, createLiveSession, endLiveSession, getOwnedLiveSession, markLiveSessionActive, STALE_SESSION_MS } from "./live-sessions";
import { appendTurns } from "./transcripts";

/*
 * Issue 10 item 4: one batch must never lock an account out. Turns with the largest token counts
 * the columns hold are summed without overflow, and a conversation always ends (and the next one
 * starts, and the sweep runs) even when its analytics cannot be written; those are written later.
 */

const INT_MAX = 2_147_483_647;
const NEW_SESSION = { model: "gemini-live-test", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "Be kind." };
const range = { from: "2031-03-01", to: "2031-03-31", timeZone: "UTC" };

async function hugeTurns(db: Database, { userId, sessionId, startedAt }: { userId: string; sessionId: string; startedAt: Date }) {
  // Inserted directly: what a batch without maxima stored before the route bounded its input.
  await db.insert(transcriptions).values(
    [0, 1, 2].map((sequenceNumber) => ({
      sessionId,
      userId,
      sender: sequenceNumber === 0 ? ("user" as const) : ("model" as const),
      transcriptionType: sequenceNumber === 0 ? ("input" as const) : ("output" as const),
      text: `turn ${sequenceNumber}`,
      sequenceNumber,
      timestamp: new Date(startedAt.getTime() + sequenceNumber * 1000),
      latencyMs: sequenceNumber === 0 ? null : 400,
      inputTokens: sequenceNumber === 0 ? null : INT_MAX,
      outputTokens: sequenceNumber === 0 ? null : INT_MAX,
    })),
  );
}

async function openWithHugeTurns(db: Database, userId: string, startedAt: Date) {
  const session = await createLiveSession(db, { userId, values: NEW_SESSION, now: startedAt });
  await markLiveSessionActive(db, { userId, sessionId: session.id, now: new Date(startedAt.getTime() + 20_000) });
  await hugeTurns(db, { userId, sessionId: session.id, startedAt });
  return session.id;
}

const analyticsOf = async (db: Database, sessionId: string) => (await db.select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, sessionId)))[0];

describeEachDriver("analytics: never a locked-out account", ({ db }) => {
  it("ends, starts and sweeps after two turns of 2,147,483,647 tokens, with the sums right", async () => {
    const user = await createTestUser(db());
    const admin = await createTestUser(db(), { role: "admin" });
    const t0 = new Date("2031-03-10T10:00:00Z");
    const first = await openWithHugeTurns(db(), user.id, t0);

    const ended = await endLiveSession(db(), { userId: user.id, sessionId: first, status: "ENDED", now: new Date(t0.getTime() + 30_000) });
    expect(ended).toMatchObject({ status: "ENDED", totalDurationSeconds: 30, analytics: { tokensIn: 2 * INT_MAX, tokensOut: 2 * INT_MAX } });
    expect(await analyticsOf(db(), first)).toMatchObject({ tokensIn: 2 * INT_MAX, tokensOut: 2 * INT_MAX, modelMessageCount: 2 });

    // The next conversation starts, and when its browser vanishes the sweep closes it.
    const t1 = new Date(t0.getTime() + 60_000);
    const second = await openWithHugeTurns(db(), user.id, t1);
    const sweptAt = new Date(t1.getTime() + 20_000 + STALE_SESSION_MS + 1000);
    expect(await closeStaleSessions(db(), { userId: user.id, now: sweptAt })).toEqual([second]);
    expect(await getOwnedLiveSession(db(), { userId: user.id, sessionId: second })).toMatchObject({ status: "ENDED", totalDurationSeconds: 20 });
    expect(await analyticsOf(db(), second)).toMatchObject({ tokensIn: 2 * INT_MAX, tokensOut: 2 * INT_MAX });
    await expect(createLiveSession(db(), { userId: user.id, values: NEW_SESSION, now: sweptAt })).resolves.toMatchObject({ status: "CONNECTING" });

    // Sums over sessions and days stay exact past 2^32.
    const total = 4 * INT_MAX;
    expect(await getInsightsTotals(db(), { userId: user.id, ...range })).toMatchObject({ conversations: 2, tokensIn: total, tokensOut: total, turns: 6 });
    expect((await getInsightsDailyTokens(db(), { userId: user.id, ...range })).find((d) => d.day === "2031-03-10")).toMatchObject({ tokensIn: total, tokensOut: total });
    expect(await getAdminTotals(db(), { actorId: admin.id, ...range })).toMatchObject({ conversations: 2, tokensIn: total, tokensOut: total, turns: 6 });
    expect(await getAdminTotals(db(), { actorId: admin.id, userId: user.id, ...range })).toMatchObject({ tokensIn: total, tokensOut: total });
    expect((await getAdminDailyTokens(db(), { actorId: admin.id, ...range })).find((d) => d.day === "2031-03-10")).toMatchObject({ tokensIn: total, tokensOut: total });
  });

  it("ends, replaces and sweeps conversations whose analytics cannot be written, and writes them later", async () => {
    const user = await createTestUser(db());
    // Any failure of the analytics write (here a constraint this user's model breaks) must not hold the conversation open.
    await db().execute(sql`alter table session_analytics add constraint analytics_write_fails check (model <> 'poisoned-model') not valid`);
    const poisoned = { ...NEW_SESSION, model: "poisoned-model" };
    const t0 = new Date("2031-03-20T10:00:00Z");
    try {
      const ended = await createLiveSession(db(), { userId: user.id, values: poisoned, now: t0 });
      await markLiveSessionActive(db(), { userId: user.id, sessionId: ended.id, now: t0 });
      await hugeTurns(db(), { userId: user.id, sessionId: ended.id, startedAt: t0 });
      const stats = { audioSeconds: 12.5, videoFrameCount: 3, errorCount: 2, resumptions: 1 };
      const result = await endLiveSession(db(), { userId: user.id, sessionId: ended.id, status: "ENDED", stats, now: new Date(t0.getTime() + 40_000) });
      expect(result).toEqual({ sessionId: ended.id, status: "ENDED", totalDurationSeconds: 40, analytics: null });
      expect(await getOwnedLiveSession(db(), { userId: user.id, sessionId: ended.id })).toMatchObject({ status: "ENDED", totalDurationSeconds: 40 });
      expect(await analyticsOf(db(), ended.id)).toBeUndefined();
      // A second Stop answers the same.
      expect(await endLiveSession(db(), { userId: user.id, sessionId: ended.id, status: "ENDED" })).toEqual(result);

      // A late turn of the ended conversation is still stored.
      await expect(
        appendTurns(db(), {
          userId: user.id,
          sessionId: ended.id,
          turns: [{ sequenceNumber: 3, sender: "user", text: "late", startOffsetMs: 5000, endOffsetMs: 6000, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null }],
        }),
      ).resolves.toEqual({ acknowledged: [3] });

      // Start with replaceActive ends the open one; the sweep closes a stale one.
      const t1 = new Date(t0.getTime() + 60_000);
      const replaced = await createLiveSession(db(), { userId: user.id, values: poisoned, now: t1 });
      const stale = await createLiveSession(db(), { userId: user.id, values: poisoned, replaceActive: true, now: new Date(t1.getTime() + 5000) });
      expect(await getOwnedLiveSession(db(), { userId: user.id, sessionId: replaced.id })).toMatchObject({ status: "ENDED" });
      const sweptAt = new Date(t1.getTime() + 5000 + STALE_SESSION_MS + 1000);
      expect(await closeStaleSessions(db(), { userId: user.id, now: sweptAt })).toEqual([stale.id]);
      await expect(createLiveSession(db(), { userId: user.id, values: NEW_SESSION, now: sweptAt })).resolves.toMatchObject({ status: "CONNECTING" });

      // While the cause lasts the backfill skips these rows instead of failing or looping on them.
      expect(await backfillSessionAnalytics(db(), { batchSize: 2 })).toEqual({ written: 0, failed: 3 });

      await db().execute(sql`alter table session_analytics drop constraint analytics_write_fails`);
      expect(await backfillSessionAnalytics(db(), { userId: user.id })).toEqual({ written: 3, failed: 0 });
      // The browser's counters were kept with the conversation, so the late row is complete.
      expect(await analyticsOf(db(), ended.id)).toMatchObject({
        status: "ENDED",
        durationSeconds: 40,
        userMessageCount: 2,
        modelMessageCount: 2,
        tokensIn: 2 * INT_MAX,
        audioSeconds: 12.5,
        videoFrameCount: 3,
        errorCount: 2,
        metadata: { resumptions: 1, clientStatsReported: true },
      });
      expect(await analyticsOf(db(), stale.id)).toMatchObject({ status: "ERROR", errorCount: 1 });
      expect(await getInsightsTotals(db(), { userId: user.id, ...range })).toMatchObject({ conversations: 3, tokensIn: 2 * INT_MAX });
    } finally {
      await db().execute(sql`alter table session_analytics drop constraint if exists analytics_write_fails`);
    }
  });

  it("the backfill for one user leaves other users' missing rows alone", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const t0 = new Date("2031-03-25T10:00:00Z");
    const ids: Record<string, string> = {};
    for (const [name, who] of [["alice", alice], ["bob", bob]] as const) {
      const session = await createLiveSession(db(), { userId: who.id, values: NEW_SESSION, now: t0 });
      await endLiveSession(db(), { userId: who.id, sessionId: session.id, status: "ENDED", now: new Date(t0.getTime() + 1000) });
      await db().delete(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id));
      ids[name] = session.id;
    }
    expect(await backfillSessionAnalytics(db(), { userId: alice.id })).toEqual({ written: 1, failed: 0 });
    expect(await analyticsOf(db(), ids.alice!)).toBeDefined();
    expect(await analyticsOf(db(), ids.bob!)).toBeUndefined();
    expect(await db().select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.id, ids.bob!))).toHaveLength(1);
  });
});
