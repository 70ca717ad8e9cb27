import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { adminAuditLog, user } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { listAdminActionsForUser, recordAdminAction, withAdminAuditEntry } from "./admin-audit";

describeEachDriver("admin audit log queries", ({ db }) => {
  it("records who did what to whom and lists it newest first, for that account only", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const target = await createTestUser(db());
    const bystander = await createTestUser(db());

    const ban = await recordAdminAction(db(), { actorId: admin.id, targetUserId: target.id, action: "ban", details: { reason: "spam", expiresAt: null } });
    expect(ban).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetUserId: target.id, action: "ban", details: { reason: "spam", expiresAt: null } });
    expect(ban.createdAt).toBeInstanceOf(Date);
    await recordAdminAction(db(), { actorId: admin.id, targetUserId: target.id, action: "unban" });
    await recordAdminAction(db(), { actorId: admin.id, targetUserId: bystander.id, action: "revoke_sessions", details: { sessionsRevoked: 2 } });

    const entries = await listAdminActionsForUser(db(), { actorId: admin.id, targetUserId: target.id });
    expect(entries.map((e) => e.action)).toEqual(["unban", "ban"]);
    expect(entries[0]).toMatchObject({ actorEmail: admin.email, details: {} });
    expect(entries.every((e) => e.targetUserId === target.id)).toBe(true);
    expect(entries[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(entries[1]!.createdAt.getTime());

    const other = await listAdminActionsForUser(db(), { actorId: admin.id, targetUserId: bystander.id });
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ action: "revoke_sessions", details: { sessionsRevoked: 2 } });
  });

  it("refuses to write or read the log for a non-admin or unknown actor with not_found:admin", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const member = await createTestUser(db());
    const target = await createTestUser(db());
    await recordAdminAction(db(), { actorId: admin.id, targetUserId: target.id, action: "ban" });

    for (const actorId of [member.id, randomUUID()]) {
      const write = await recordAdminAction(db(), { actorId, targetUserId: target.id, action: "unban" }).catch((e: unknown) => e);
      expect(write).toBeInstanceOf(AppError);
      expect(write).toMatchObject({ code: "not_found:admin", status: 404 });
      await expect(listAdminActionsForUser(db(), { actorId, targetUserId: target.id })).rejects.toMatchObject({ code: "not_found:admin" });
    }
    const rows = await db().select().from(adminAuditLog).where(eq(adminAuditLog.targetUserId, target.id));
    expect(rows.map((r) => r.action)).toEqual(["ban"]);
  });

  it("keeps the actor's email after the admin's account is erased, and drops entries with the account they are about", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const other = await createTestUser(db(), { role: "admin" });
    const target = await createTestUser(db());
    const gone = await createTestUser(db());
    await recordAdminAction(db(), { actorId: admin.id, targetUserId: target.id, action: "ban" });
    await recordAdminAction(db(), { actorId: admin.id, targetUserId: gone.id, action: "ban" });

    await db().delete(user).where(eq(user.id, admin.id));
    const [entry] = await listAdminActionsForUser(db(), { actorId: other.id, targetUserId: target.id });
    expect(entry).toMatchObject({ actorId: null, actorEmail: admin.email, action: "ban" });

    await db().delete(user).where(eq(user.id, gone.id));
    expect(await db().select().from(adminAuditLog).where(eq(adminAuditLog.targetUserId, gone.id))).toEqual([]);
  });

  it("caps the list at the limit", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const target = await createTestUser(db());
    for (const action of ["ban", "unban", "revoke_sessions"] as const) await recordAdminAction(db(), { actorId: admin.id, targetUserId: target.id, action });
    const entries = await listAdminActionsForUser(db(), { actorId: admin.id, targetUserId: target.id, limit: 2 });
    expect(entries.map((e) => e.action)).toEqual(["revoke_sessions", "unban"]);
  });

  it("logs an action before performing it and takes the entry back when the action fails", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const target = await createTestUser(db());
    const entry = { actorId: admin.id, targetUserId: target.id, action: "revoke_sessions" as const, details: { sessionsRevoked: 1 } };
    const seenDuring = await withAdminAuditEntry(db(), entry, () => listAdminActionsForUser(db(), { actorId: admin.id, targetUserId: target.id }));
    expect(seenDuring.map((e) => e.action)).toEqual(["revoke_sessions"]);

    const failure = new Error("the auth service refused");
    await expect(withAdminAuditEntry(db(), { ...entry, action: "ban" }, () => Promise.reject(failure))).rejects.toBe(failure);
    expect((await listAdminActionsForUser(db(), { actorId: admin.id, targetUserId: target.id })).map((e) => e.action)).toEqual(["revoke_sessions"]);

    // Not an admin: nothing is logged and the action never runs.
    const member = await createTestUser(db());
    let ran = false;
    await expect(withAdminAuditEntry(db(), { ...entry, actorId: member.id }, async () => (ran = true))).rejects.toMatchObject({ code: "not_found:admin" });
    expect(ran).toBe(false);
  });
});
