import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { EXPECTED, FIXTURE_RANGE, FIXTURE_TIME_ZONE, FIXTURE_USERS, seedAnalyticsFixture } from "@/e2e/analytics/fixture";
import { eq, sql } from "drizzle-orm";
import { analyticsDayRollups, liveSessions, sessionAnalytics } from "../schema";
import { describeEachDriver } from "../test/drivers";
import { createTestUser } from "../test/fixtures";
import * as admin from "./analytics-admin";
import { backfillSessionAnalytics } from "./analytics-backfill";
import { ROLLUP_KEEP_DAYS } from "./analytics-day-rollups";
import { STALE_SESSION_MS } from "./live-sessions";

const berlin = { ...FIXTURE_RANGE, timeZone: FIXTURE_TIME_ZONE };
const labels = (slices: { label: string; conversations: number }[]) => slices.map(({ label, conversations }) => ({ label, conversations }));
const nonZero = <T extends { day: string }>(series: T[], pick: (row: T) => number[] | number) =>
  Object.fromEntries(
    series.filter((row) => [pick(row)].flat().some((v) => v !== 0)).map((row) => [row.day, pick(row)]),
  );

describeEachDriver("analytics: admin", ({ db }) => {
  let actorId: string;
  beforeAll(async () => {
    await seedAnalyticsFixture(db());
    await backfillSessionAnalytics(db());
    actorId = (await createTestUser(db(), { role: "admin" })).id;
  });

  it("totals every user's range exactly, with p50/p95/p99 over all answers", async () => {
    const totals = await admin.getAdminTotals(db(), { actorId, ...berlin });
    const { responseMeanMs, ...exact } = EXPECTED.all.totals;
    expect(totals).toMatchObject(exact);
    expect(totals.responseMeanMs).toBeCloseTo(responseMeanMs, 9);
  });

  it("counts sessions, minutes and errors per Berlin day, and moves them in UTC", async () => {
    const daily = await admin.getAdminDailyActivity(db(), { actorId, ...berlin });
    expect(nonZero(daily, (d) => [d.conversations, d.minutes])).toEqual(EXPECTED.all.activity);
    expect(nonZero(daily, (d) => d.errors)).toEqual(EXPECTED.all.errorsByDay);
    expect(daily.find((d) => d.day === "2025-03-12")?.activeUsers).toBe(2);

    const utc = await admin.getAdminDailyActivity(db(), { actorId, ...FIXTURE_RANGE, timeZone: "UTC" });
    expect(nonZero(utc, (d) => [d.conversations, d.minutes])).toEqual(EXPECTED.allUtc.activity);
  });

  it("gives exact percentiles per day across users", async () => {
    const latency = await admin.getAdminDailyLatency(db(), { actorId, ...berlin });
    // 12th (Berlin): Fran's 300, 900, 1200 and Gus's twenty (250…2050 step 100, 5000): 23 answers;
    // ranks ceil(0.5·23)=12 → 1150, ceil(0.95·23)=22 → 2050, ceil(0.99·23)=23 → 5000.
    expect(latency.find((d) => d.day === "2025-03-12")).toEqual({ day: "2025-03-12", p50: 1150, p95: 2050, p99: 5000, samples: 23 });
    // 10th: Fran's 400…700 and Gus's 800 (00:30 Berlin).
    expect(latency.find((d) => d.day === "2025-03-10")).toEqual({ day: "2025-03-10", p50: 600, p95: 800, p99: 800, samples: 5 });
    expect(latency.find((d) => d.day === "2025-03-16")).toMatchObject({ samples: 0, p95: null });
  });

  it("reports DAU/WAU/MAU as of the range's last day and sign-ups per day", async () => {
    expect(await admin.getAdminActiveUsers(db(), { actorId, ...berlin })).toMatchObject(EXPECTED.all.activeUsers);
    const signups = await admin.getAdminDailySignups(db(), { actorId, ...berlin });
    expect(nonZero(signups, (d) => d.signups)).toEqual(EXPECTED.all.signups);
    const utc = await admin.getAdminDailySignups(db(), { actorId, ...FIXTURE_RANGE, timeZone: "UTC" });
    expect(nonZero(utc, (d) => d.signups)).toEqual({ "2025-03-10": 1, "2025-03-11": 1 });
  });

  it("ranks users by minutes with their tokens and estimated cost", async () => {
    const top = await admin.getAdminTopUsers(db(), { actorId, ...berlin });
    expect(top.map(({ email, conversations, minutes }) => ({ email, conversations, minutes }))).toEqual(
      EXPECTED.all.topUsers.map(({ email, conversations, minutes }) => ({ email, conversations, minutes })),
    );
    top.forEach((row, i) => expect(row.costUsd).toBeCloseTo(EXPECTED.all.topUsers[i]!.costUsd, 12));
    const tokens = await admin.getAdminDailyTokens(db(), { actorId, ...berlin });
    expect(tokens.reduce((sum, d) => sum + d.costUsd, 0)).toBeCloseTo(EXPECTED.all.costUsd, 12);
  });

  it("lists the most frequent error messages, models, voices and personas without their names", async () => {
    const errors = await admin.getAdminTopErrors(db(), { actorId, ...berlin });
    expect(errors.map(({ message, conversations }) => ({ message, conversations }))).toEqual(EXPECTED.all.topErrors);
    expect(errors[0]!.lastSeenAt.toISOString()).toBe("2025-03-16T20:00:00.000Z");
    const usage = await admin.getAdminUsage(db(), { actorId, ...berlin });
    expect(labels(usage.voices)).toEqual(EXPECTED.all.voices);
    expect(labels(usage.personas)).toEqual(EXPECTED.all.personas);
    expect(labels(usage.models)).toEqual(EXPECTED.all.models);
  });

  it("drills into one user, hiding their persona names", async () => {
    const params = { actorId, userId: FIXTURE_USERS.fran.id, ...berlin };
    expect(await admin.getAdminTotals(db(), params)).toMatchObject({ conversations: 3, minutes: 17, responseP95Ms: 1200 });
    expect(labels((await admin.getAdminUsage(db(), params)).personas)).toEqual([
      { label: "Default companion", conversations: 2 },
      { label: "Custom persona", conversations: 1 },
    ]);
  });

  it("shows open conversations that reported recently as active now", async () => {
    const talker = await createTestUser(db(), { name: "Active Talker" });
    const quietUser = await createTestUser(db());
    const now = new Date();
    const [open] = await db()
      .insert(liveSessions)
      .values({ userId: talker.id, model: "m", voice: "Puck", status: "ACTIVE", startedAt: new Date(now.getTime() - 60_000), lastActivityAt: now })
      .returning();
    await db().insert(liveSessions).values({ userId: quietUser.id, model: "m", voice: "Puck", status: "ACTIVE", lastActivityAt: new Date(now.getTime() - STALE_SESSION_MS - 1000) });
    const active = await admin.getActiveSessionsNow(db(), { actorId, now });
    expect(active.count).toBe(1);
    expect(active.sessions).toEqual([
      expect.objectContaining({ sessionId: open!.id, userId: talker.id, name: "Active Talker", status: "ACTIVE", voice: "Puck", startedAt: open!.startedAt }),
    ]);
  });

  it("refuses every admin query to a member or an unknown actor with not_found:admin", async () => {
    const member = await createTestUser(db());
    const queries = [
      admin.getAdminTotals, admin.getAdminDailyActivity, admin.getAdminDailyLatency, admin.getAdminDailyTokens, admin.getAdminHeatmap,
      admin.getAdminUsage, admin.getAdminActiveUsers, admin.getAdminDailySignups, admin.getAdminTopErrors, admin.getAdminTopUsers,
    ];
    for (const actor of [member.id, randomUUID()]) {
      for (const query of queries) {
        await expect(query(db(), { actorId: actor, ...berlin }), query.name).rejects.toMatchObject({ code: "not_found:admin", status: 404 });
      }
      await expect(admin.getActiveSessionsNow(db(), { actorId: actor })).rejects.toMatchObject({ code: "not_found:admin" });
      // Asking for a user's insights as a non-admin is refused too, even for one's own id.
      await expect(admin.getAdminTotals(db(), { actorId: actor, userId: actor, ...berlin })).rejects.toMatchObject({ code: "not_found:admin" });
    }
  });

  it("keeps the cross-user daily rollups exact when a day changes after they were computed", async () => {
    const params = { actorId, ...berlin };
    const view = async () => ({
      totals: await admin.getAdminTotals(db(), params),
      activity: await admin.getAdminDailyActivity(db(), params),
      latency: await admin.getAdminDailyLatency(db(), params),
      heatmap: await admin.getAdminHeatmap(db(), params),
      usage: await admin.getAdminUsage(db(), params),
      active: await admin.getAdminActiveUsers(db(), params),
    });
    const before = await view();
    const cached = await db().select().from(analyticsDayRollups).where(eq(analyticsDayRollups.timeZone, FIXTURE_TIME_ZONE));
    expect(cached.map((row) => row.day)).toEqual(expect.arrayContaining(before.latency.map((d) => d.day)));
    expect(await view()).toEqual(before);

    // A late conversation on the 13th (Berlin, 13:00), written after the rollups: the next view sees it everywhere.
    const late = await createTestUser(db());
    const [session] = await db().insert(liveSessions).values({ userId: late.id, model: "m", voice: "Kore", status: "ENDED", startedAt: new Date("2025-03-13T12:00:00Z") }).returning();
    await db().insert(sessionAnalytics).values({ sessionId: session!.id, userId: late.id, startedAt: session!.startedAt, status: "ENDED", durationSeconds: 120, model: "m", voice: "Kore", latenciesMs: [70, 90], latencySumMs: 160 });
    const after = await view();
    expect(after.latency.find((d) => d.day === "2025-03-13")).toEqual({ day: "2025-03-13", p50: 70, p95: 90, p99: 90, samples: 2 });
    expect(after.totals).toMatchObject({ conversations: before.totals.conversations + 1, minutes: before.totals.minutes + 2, activeUsers: before.totals.activeUsers + 1, responseP50Ms: 850 });
    const day13 = (activity: typeof before.activity) => activity.find((d) => d.day === "2025-03-13")!;
    expect(day13(after.activity)).toMatchObject({ conversations: day13(before.activity).conversations + 1, activeUsers: day13(before.activity).activeUsers + 1 });
    const thursday13 = (cells: typeof before.heatmap) => cells.find((c) => c.weekday === 4 && c.hour === 13)?.conversations ?? 0;
    expect(thursday13(after.heatmap)).toBe(thursday13(before.heatmap) + 1);
    const kore = (usage: typeof before.usage) => usage.voices.find((v) => v.label === "Kore")?.conversations ?? 0;
    expect(kore(after.usage)).toBe(kore(before.usage) + 1);
    expect(after.active).toMatchObject({ mau: before.active.mau + 1 });

    // Erasing it (the cascade of an account deletion) takes it out again.
    await db().execute(sql`delete from "user" where id = ${late.id}`);
    expect(await view()).toEqual(before);
  });

  it("drops rollups computed long ago when it computes new ones", async () => {
    const params = { actorId, ...FIXTURE_RANGE, timeZone: "Asia/Tokyo" };
    await admin.getAdminDailyActivity(db(), params);
    const old = new Date(Date.now() - (ROLLUP_KEEP_DAYS + 1) * 86_400_000);
    await db().update(analyticsDayRollups).set({ computedAt: old }).where(eq(analyticsDayRollups.timeZone, "Asia/Tokyo"));
    await admin.getAdminDailyActivity(db(), { ...params, timeZone: "Pacific/Auckland" });
    expect(await db().select().from(analyticsDayRollups).where(eq(analyticsDayRollups.timeZone, "Asia/Tokyo"))).toEqual([]);
    // Asked for again, the days are simply computed anew.
    expect(nonZero(await admin.getAdminDailyActivity(db(), params), (d) => d.conversations)).not.toEqual({});
  });
});
