import { verifyPassword } from "better-auth/crypto";
import { asc, eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { computeSessionMetrics } from "@/lib/analytics/session-metrics";
import { account, liveSessions, sessionAnalytics, transcriptions, user } from "../schema";
import { seedDatabase } from "./seed";

describeEachDriver("seed", ({ db }) => {
  it("creates accounts that can sign in, conversations with turns, and their analytics as the app computes them", async () => {
    const result = await seedDatabase(db(), { users: 4, sessions: 25, turnsPerSession: 6, days: 10, tag: "t1", password: "seed-password-1" });
    expect(result).toMatchObject({ users: 4, sessions: 25, transcriptions: 150, sampleEmail: "seed-t1-1@livemind.example" });

    const users = await db().select().from(user).where(like(user.id, "seed-t1-%"));
    expect(users).toHaveLength(4);
    const [credential] = await db().select().from(account).where(eq(account.userId, users[0]!.id));
    expect(credential?.providerId).toBe("credential");
    expect(await verifyPassword({ hash: credential!.password!, password: "seed-password-1" })).toBe(true);

    const sessions = await db().select().from(liveSessions).where(like(liveSessions.userId, "seed-t1-%"));
    expect(sessions).toHaveLength(25);
    const now = Date.now();
    for (const session of sessions) {
      const owner = users.find((candidate) => candidate.id === session.userId)!;
      expect(session.startedAt.getTime()).toBeGreaterThanOrEqual(owner.createdAt.getTime());
      expect(session.startedAt.getTime()).toBeLessThanOrEqual(now);
      expect(["ENDED", "ERROR"]).toContain(session.status);

      const turns = await db().select().from(transcriptions).where(eq(transcriptions.sessionId, session.id)).orderBy(asc(transcriptions.sequenceNumber));
      expect(turns.map((turn) => turn.sequenceNumber)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(turns.map((turn) => turn.sender)).toEqual(["user", "model", "user", "model", "user", "model"]);
      expect(session.title).toBe(turns[0]!.text);

      const [analytics] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id));
      const expected = computeSessionMetrics(turns, { audioSeconds: 0, videoFrameCount: 0, errorCount: 0 });
      expect(analytics).toMatchObject({
        userId: session.userId,
        userMessageCount: expected.userMessageCount,
        modelMessageCount: expected.modelMessageCount,
        responseTimeP95Ms: expected.responseTimeP95Ms,
        interruptionCount: expected.interruptionCount,
        tokensIn: expected.tokensIn,
        tokensOut: expected.tokensOut,
        errorCount: session.status === "ERROR" ? 1 : 0,
      });
      const latencies = turns.map((turn) => turn.latencyMs).filter((value): value is number => value !== null);
      expect(analytics!.latenciesMs).toEqual(latencies.sort((a, b) => a - b));
      expect(analytics).toMatchObject({ startedAt: session.startedAt, status: session.status, voice: session.voice, model: session.model });
      // The column is a float4 (real): equal to its precision.
      expect(analytics!.responseTimeMeanMs).toBeCloseTo(expected.responseTimeMeanMs!, 2);
    }
  });

  it("seeds the same database twice under different tags", async () => {
    await seedDatabase(db(), { users: 2, sessions: 3, turnsPerSession: 2, days: 5, tag: "t2", password: "seed-password-1" });
    await seedDatabase(db(), { users: 2, sessions: 3, turnsPerSession: 2, days: 5, tag: "t3", password: "seed-password-1" });
    expect(await db().select().from(user).where(like(user.id, "seed-t3-%"))).toHaveLength(2);
  });
});
