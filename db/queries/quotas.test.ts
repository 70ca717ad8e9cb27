import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import type { StartLiveSessionInput } from "@/lib/live/contract";

// Deployment defaults for this suite: two at once, 5 minutes a month, 4 tokens a minute.
vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
  process.env.LIVE_CONCURRENT_SESSIONS_LIMIT = "2";
  process.env.LIVE_MONTHLY_MINUTES_LIMIT = "5";
  process.env.LIVE_TOKEN_RATE_LIMIT_MAX = "4";
  process.env.LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS = "60";
});

const { adminAuditLog, liveSessions, userRateLimits } = await import("@/db/schema");
const { createLiveSession, endLiveSession, getOwnedLiveSession } = await import("./live-sessions");
const { getQuotaOverride, setQuotaOverride } = await import("./quotas");
const { hitRateLimit } = await import("./rate-limits");
const { saveGeminiKey } = await import("@/lib/gemini/credentials");
const { renewLiveToken, startLiveSession } = await import("@/lib/gemini/live-service");
const { getQuotaUsage } = await import("@/lib/quotas/service");

const input: StartLiveSessionInput = { voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true };
const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "s" };

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(() => double.close());

describeEachDriver("quotas and the token rate limit", ({ db }) => {
  const options = (now?: Date) => ({ baseUrl: double.url, serverKey: null, model: "m", ...(now ? { now } : {}) });

  async function userWithKey() {
    const user = await createTestUser(db());
    await saveGeminiKey(db(), { userId: user.id, apiKey: TEST_GEMINI_KEY }, options());
    return user;
  }

  it("counts concurrent hits of one window exactly, refuses past the maximum, and starts afresh in the next window", async () => {
    const user = await createTestUser(db());
    const now = new Date("2031-03-10T12:00:30Z");
    const hits = await Promise.all(Array.from({ length: 8 }, () => hitRateLimit(db(), { userId: user.id, scope: "t", max: 3, windowSeconds: 60, now })));
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(3);
    expect(hits.find((hit) => !hit.allowed)?.retryAfterSeconds).toBe(30);

    const next = await hitRateLimit(db(), { userId: user.id, scope: "t", max: 3, windowSeconds: 60, now: new Date("2031-03-10T12:01:05Z") });
    expect(next).toEqual({ allowed: true, count: 1, retryAfterSeconds: 55 });
    // The old window is gone; another user's and another scope's counters are their own.
    const rows = await db().select().from(userRateLimits).where(eq(userRateLimits.userId, user.id));
    expect(rows).toHaveLength(1);
    const other = await createTestUser(db());
    expect((await hitRateLimit(db(), { userId: other.id, scope: "t", max: 3, windowSeconds: 60, now })).count).toBe(1);
  });

  it("lets no two racing Starts pass the concurrent limit", async () => {
    const user = await createTestUser(db());
    const limits = { concurrentSessions: 2, monthlyMinutes: null };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createLiveSession(db(), { userId: user.id, values, limits })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:session", status: 409, message: expect.stringMatching(/2 conversations running/) });
    }
    // Racing replacements end the oldest ones: never more than the limit stay open.
    await Promise.all(Array.from({ length: 4 }, () => createLiveSession(db(), { userId: user.id, values, limits, replaceActive: true })));
    const open = await db()
      .select()
      .from(liveSessions)
      .where(and(eq(liveSessions.userId, user.id), eq(liveSessions.status, "CONNECTING")));
    expect(open).toHaveLength(2);
  });

  it("replaceActive ends only the oldest open conversation when at the limit", async () => {
    const user = await createTestUser(db());
    const limits = { concurrentSessions: 2, monthlyMinutes: null };
    const first = await createLiveSession(db(), { userId: user.id, values, limits, now: new Date(Date.now() - 60_000) });
    const second = await createLiveSession(db(), { userId: user.id, values, limits, now: new Date(Date.now() - 30_000) });
    const third = await createLiveSession(db(), { userId: user.id, values, limits, replaceActive: true });
    expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: first.id })).status).toBe("ENDED");
    expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: second.id })).status).toBe("CONNECTING");
    expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: third.id })).status).toBe("CONNECTING");
  });

  it("refuses a Start once the month's minutes are used, until the next month; last month does not count", async () => {
    const user = await userWithKey();
    const lastMonth = new Date("2031-02-27T10:00:00Z");
    const old = await createLiveSession(db(), { userId: user.id, values, now: lastMonth });
    await endLiveSession(db(), { userId: user.id, sessionId: old.id, status: "ENDED", now: new Date(lastMonth.getTime() + 60 * 60_000) });

    const now = new Date("2031-03-31T23:50:00Z");
    const { sessionId } = await startLiveSession(db(), { userId: user.id, input }, options(new Date(now.getTime() - 5 * 60_000)));
    // Five minutes in, the allowance is used: the running conversation cannot renew, a new one cannot start.
    await expect(renewLiveToken(db(), { userId: user.id, sessionId }, options(now))).rejects.toMatchObject({ code: "rate_limit:quota", status: 429 });
    await endLiveSession(db(), { userId: user.id, sessionId, status: "ENDED", now });
    const refused = await startLiveSession(db(), { userId: user.id, input }, options(now)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limit:quota", status: 429, retryAfterSeconds: 600 });
    expect((refused as Error).message).toBe("You have used your 5 conversation minutes for this month. Your allowance starts again on April 1 (UTC).");
    expect(await getQuotaUsage(db(), { userId: user.id, now })).toMatchObject({
      usedSeconds: 300,
      openSessions: 0,
      resetsAt: "2031-04-01T00:00:00.000Z",
      quota: { concurrentSessions: 2, monthlyMinutes: 5, overridden: { concurrentSessions: false, monthlyMinutes: false } },
    });
    // April is a new month.
    await expect(startLiveSession(db(), { userId: user.id, input }, options(new Date("2031-04-01T00:00:01Z")))).resolves.toMatchObject({ token: expect.any(String) });
  });

  it("rate-limits minting per user, Start and renewal alike, but a renewal is not held to the concurrent limit", async () => {
    const user = await userWithKey();
    await setQuotaOverride(db(), { actorId: (await createTestUser(db(), { role: "admin" })).id, userId: user.id, values: { concurrentSessionsLimit: 1, monthlyMinutesLimit: null } });
    const { sessionId } = await startLiveSession(db(), { userId: user.id, input }, options());
    // At its concurrent limit of one, the running conversation still renews.
    await renewLiveToken(db(), { userId: user.id, sessionId }, options());
    await renewLiveToken(db(), { userId: user.id, sessionId }, options());
    await renewLiveToken(db(), { userId: user.id, sessionId }, options());
    const refused = await renewLiveToken(db(), { userId: user.id, sessionId }, options()).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limit:token", status: 429, retryAfterSeconds: expect.any(Number) });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(startLiveSession(db(), { userId: user.id, input: { ...input, replaceActive: true } }, options())).rejects.toMatchObject({ code: "rate_limit:token" });
    // Another user mints as before.
    const other = await userWithKey();
    await expect(startLiveSession(db(), { userId: other.id, input }, options())).resolves.toMatchObject({ token: expect.any(String) });
  });

  it("an admin's override replaces the defaults for that account only, audited; others cannot set one", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const user = await createTestUser(db());
    const bystander = await createTestUser(db());
    await expect(setQuotaOverride(db(), { actorId: bystander.id, userId: user.id, values: { concurrentSessionsLimit: 9, monthlyMinutesLimit: 9 } })).rejects.toMatchObject({ code: "not_found:admin" });
    await expect(setQuotaOverride(db(), { actorId: admin.id, userId: "no-such-user", values: { concurrentSessionsLimit: 3, monthlyMinutesLimit: null } })).rejects.toMatchObject({ code: "not_found:user" });

    await setQuotaOverride(db(), { actorId: admin.id, userId: user.id, values: { concurrentSessionsLimit: 3, monthlyMinutesLimit: 0 } });
    expect(await getQuotaOverride(db(), { userId: user.id })).toEqual({ concurrentSessionsLimit: 3, monthlyMinutesLimit: 0 });
    expect((await getQuotaUsage(db(), { userId: user.id })).quota).toEqual({ concurrentSessions: 3, monthlyMinutes: 0, overridden: { concurrentSessions: true, monthlyMinutes: true } });
    expect((await getQuotaUsage(db(), { userId: bystander.id })).quota).toMatchObject({ concurrentSessions: 2, monthlyMinutes: 5 });

    await setQuotaOverride(db(), { actorId: admin.id, userId: user.id, values: { concurrentSessionsLimit: null, monthlyMinutesLimit: 0 } });
    const entries = await db().select().from(adminAuditLog).where(eq(adminAuditLog.targetUserId, user.id));
    expect(entries.map((e) => e.action)).toEqual(["set_quota", "set_quota"]);
    expect(entries.map((e) => e.details)).toContainEqual({
      before: { concurrentSessionsLimit: 3, monthlyMinutesLimit: 0 },
      after: { concurrentSessionsLimit: null, monthlyMinutesLimit: 0 },
    });
    // Zero minutes: no conversation at all, said plainly.
    await saveGeminiKey(db(), { userId: user.id, apiKey: TEST_GEMINI_KEY }, options());
    await expect(startLiveSession(db(), { userId: user.id, input }, options())).rejects.toMatchObject({
      code: "rate_limit:quota",
      message: expect.stringMatching(/no conversation minutes this month/),
    });
  });
});
