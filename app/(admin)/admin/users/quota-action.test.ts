import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { adminAuditLog, userQuotas } = await import("@/db/schema");
const { setUserQuota } = await import("./actions");

describeEachDriver("setUserQuota action", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    Object.assign(acting, { userId: (await createTestUser(db(), { role: "admin" })).id, role: "admin" });
  });

  it("stores an admin's override and audits it; nulls clear it", async () => {
    const target = await createTestUser(db());
    expect(await setUserQuota({ userId: target.id, concurrentSessionsLimit: 4, monthlyMinutesLimit: 120 })).toEqual({
      ok: true,
      data: { userId: target.id, concurrentSessionsLimit: 4, monthlyMinutesLimit: 120 },
    });
    expect(await setUserQuota({ userId: target.id, concurrentSessionsLimit: null, monthlyMinutesLimit: null })).toMatchObject({ ok: true });
    const [row] = await db().select().from(userQuotas).where(eq(userQuotas.userId, target.id));
    expect(row).toMatchObject({ concurrentSessionsLimit: null, monthlyMinutesLimit: null });
    const audit = await db().select().from(adminAuditLog).where(eq(adminAuditLog.targetUserId, target.id));
    expect(audit).toHaveLength(2);
    expect(audit.every((entry) => entry.action === "set_quota" && entry.actorId === acting.userId)).toBe(true);
  });

  it("answers a clear 4xx for bad input, an unknown user and a non-admin, never a 500", async () => {
    const target = await createTestUser(db());
    const bad = [
      { userId: target.id, concurrentSessionsLimit: 0, monthlyMinutesLimit: null },
      { userId: target.id, concurrentSessionsLimit: 101, monthlyMinutesLimit: null },
      { userId: target.id, concurrentSessionsLimit: 1.5, monthlyMinutesLimit: null },
      { userId: target.id, concurrentSessionsLimit: null, monthlyMinutesLimit: -1 },
      { userId: target.id, concurrentSessionsLimit: null, monthlyMinutesLimit: 2_000_000_000_000 },
      { userId: `${target.id}\u0000`, concurrentSessionsLimit: null, monthlyMinutesLimit: null },
      { userId: target.id, concurrentSessionsLimit: "3", monthlyMinutesLimit: null },
      { userId: target.id },
    ];
    for (const input of bad) {
      expect(await setUserQuota(input)).toMatchObject({ ok: false, error: { code: "bad_request:input", fieldErrors: expect.any(Object) } });
    }
    expect(await setUserQuota({ userId: "no-such-user", concurrentSessionsLimit: 2, monthlyMinutesLimit: null })).toMatchObject({
      ok: false,
      error: { code: "not_found:user" },
    });
    Object.assign(acting, { userId: target.id, role: "user" });
    expect(await setUserQuota({ userId: target.id, concurrentSessionsLimit: 50, monthlyMinutesLimit: null })).toMatchObject({
      ok: false,
      error: { code: "not_found:admin" },
    });
    expect(await db().select().from(userQuotas).where(eq(userQuotas.userId, target.id))).toEqual([]);
  });
});
