import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { liveSessions, session, user } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { eq } from "drizzle-orm";
import { assertAdmin, getUserForAdmin, getUserRole, listUsersForAdmin } from "./users";

describeEachDriver("user queries", ({ db }) => {
  const endedSessions = (userId: string, n: number) =>
    db()
      .insert(liveSessions)
      .values(Array.from({ length: n }, () => ({ userId, model: "test-model", voice: "Zephyr", status: "ENDED" as const })));

  it("reads roles, and an unknown user has none", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const member = await createTestUser(db());
    expect(await getUserRole(db(), { userId: admin.id })).toBe("admin");
    expect(await getUserRole(db(), { userId: member.id })).toBe("user");
    expect(await getUserRole(db(), { userId: randomUUID() })).toBeNull();
  });

  it("refuses the user list to a non-admin or unknown actor with not_found:admin", async () => {
    const member = await createTestUser(db());
    for (const actorId of [member.id, randomUUID()]) {
      const error = await listUsersForAdmin(db(), { actorId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "not_found:admin", status: 404 });
      await expect(assertAdmin(db(), { actorId })).rejects.toMatchObject({ code: "not_found:admin" });
    }
  });

  it("lists every user with their conversation count for an admin, newest first", async () => {
    const tag = randomUUID().slice(0, 8);
    const admin = await createTestUser(db(), { role: "admin", name: `Admin ${tag}` });
    const talker = await createTestUser(db(), { name: `Talker ${tag}` });
    const quiet = await createTestUser(db(), { name: `Quiet ${tag}` });
    await endedSessions(talker.id, 3);

    const users = await listUsersForAdmin(db(), { actorId: admin.id });
    const byId = new Map(users.map((u) => [u.id, u]));
    expect(byId.get(talker.id)).toMatchObject({ name: talker.name, email: talker.email, role: "user", banned: false, sessionCount: 3 });
    expect(byId.get(quiet.id)).toMatchObject({ sessionCount: 0 });
    expect(byId.get(admin.id)).toMatchObject({ role: "admin", sessionCount: 0 });
    expect(byId.get(talker.id)!.createdAt).toBeInstanceOf(Date);
    const times = users.map((u) => u.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("searches names and emails, case-insensitively, with % and _ taken literally", async () => {
    const tag = randomUUID().slice(0, 8);
    const admin = await createTestUser(db(), { role: "admin" });
    const grace = await createTestUser(db(), { name: "Grace Hopper", email: `grace-${tag}@navy.example` });
    const alan = await createTestUser(db(), { name: `Alan ${tag}`, email: `alan_${tag}@bletchley.example` });

    const byName = await listUsersForAdmin(db(), { actorId: admin.id, search: `GRACE HOP` });
    expect(byName.map((u) => u.id)).toContain(grace.id);
    expect(byName.map((u) => u.id)).not.toContain(alan.id);

    const byEmail = await listUsersForAdmin(db(), { actorId: admin.id, search: `alan_${tag}@` });
    expect(byEmail.map((u) => u.id)).toEqual([alan.id]);

    expect(await listUsersForAdmin(db(), { actorId: admin.id, search: "%" })).toEqual([]);
    expect(await listUsersForAdmin(db(), { actorId: admin.id, search: `alan%${tag}` })).toEqual([]);
  });

  it("caps the list at the limit", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    await createTestUser(db());
    expect(await listUsersForAdmin(db(), { actorId: admin.id, limit: 1 })).toHaveLength(1);
  });

  const at = (iso: string) => new Date(iso);
  const signIn = (userId: string, { updatedAt, expiresAt }: { updatedAt: Date; expiresAt: Date }) =>
    db().insert(session).values({ id: randomUUID(), token: randomUUID(), userId, createdAt: updatedAt, updatedAt, expiresAt });

  it("shows last activity as the latest of a conversation and a sign-in, and null for neither", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const talker = await createTestUser(db());
    const signedIn = await createTestUser(db());
    const never = await createTestUser(db());
    const future = new Date(Date.now() + 86_400_000);
    await db().insert(liveSessions).values([
      { userId: talker.id, model: "m", voice: "Zephyr", status: "ENDED", lastActivityAt: at("2026-03-01T10:00:00Z") },
      { userId: talker.id, model: "m", voice: "Zephyr", status: "ENDED", lastActivityAt: at("2026-03-04T08:30:00Z") },
    ]);
    await signIn(talker.id, { updatedAt: at("2026-03-02T00:00:00Z"), expiresAt: future });
    await signIn(signedIn.id, { updatedAt: at("2026-02-01T12:00:00Z"), expiresAt: future });
    await signIn(signedIn.id, { updatedAt: at("2026-02-03T12:00:00Z"), expiresAt: at("2026-02-04T12:00:00Z") });

    const byId = new Map((await listUsersForAdmin(db(), { actorId: admin.id })).map((u) => [u.id, u]));
    // Two sign-in sessions and two conversations must not multiply into four conversations.
    expect(byId.get(talker.id)).toMatchObject({ sessionCount: 2, lastActiveAt: at("2026-03-04T08:30:00Z") });
    expect(byId.get(signedIn.id)).toMatchObject({ sessionCount: 0, lastActiveAt: at("2026-02-03T12:00:00Z") });
    expect(byId.get(never.id)).toMatchObject({ sessionCount: 0, lastActiveAt: null });
  });

  it("filters the list to admins or to banned accounts", async () => {
    const tag = randomUUID().slice(0, 8);
    const admin = await createTestUser(db(), { role: "admin", name: `Boss ${tag}` });
    const banned = await createTestUser(db(), { name: `Banned ${tag}` });
    const member = await createTestUser(db(), { name: `Member ${tag}` });
    await db().update(user).set({ banned: true, banReason: "spam" }).where(eq(user.id, banned.id));

    const ids = async (status: "all" | "admins" | "banned") =>
      (await listUsersForAdmin(db(), { actorId: admin.id, search: tag, status })).map((u) => u.id).sort();
    expect(await ids("all")).toEqual([admin.id, banned.id, member.id].sort());
    expect(await ids("admins")).toEqual([admin.id]);
    expect(await ids("banned")).toEqual([banned.id]);
    const [row] = await listUsersForAdmin(db(), { actorId: admin.id, search: tag, status: "banned" });
    expect(row).toMatchObject({ banned: true, role: "user" });
  });

  it("reads one account's facts for the drill-down: ban, conversations, live sign-in sessions", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const target = await createTestUser(db(), { name: "Drill Down" });
    const expires = at("2027-01-01T00:00:00Z");
    await db().update(user).set({ banned: true, banReason: "abuse", banExpires: expires }).where(eq(user.id, target.id));
    await endedSessions(target.id, 4);
    const future = new Date(Date.now() + 86_400_000);
    await signIn(target.id, { updatedAt: at("2026-01-01T00:00:00Z"), expiresAt: future });
    await signIn(target.id, { updatedAt: at("2026-01-02T00:00:00Z"), expiresAt: future });
    await signIn(target.id, { updatedAt: at("2026-01-03T00:00:00Z"), expiresAt: at("2026-01-04T00:00:00Z") });

    const detail = await getUserForAdmin(db(), { actorId: admin.id, userId: target.id });
    expect(detail).toMatchObject({
      id: target.id,
      name: "Drill Down",
      email: target.email,
      role: "user",
      banned: true,
      banReason: "abuse",
      banExpires: expires,
      sessionCount: 4,
      activeAuthSessions: 2,
    });
    expect(detail.createdAt).toBeInstanceOf(Date);
    expect(detail.lastActiveAt).toBeInstanceOf(Date);

    const fresh = await createTestUser(db());
    expect(await getUserForAdmin(db(), { actorId: admin.id, userId: fresh.id })).toMatchObject({
      banned: false,
      banReason: null,
      banExpires: null,
      sessionCount: 0,
      activeAuthSessions: 0,
      lastActiveAt: null,
    });
  });

  it("answers not_found:user for an unknown account and not_found:admin to a non-admin", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const member = await createTestUser(db());
    await expect(getUserForAdmin(db(), { actorId: admin.id, userId: randomUUID() })).rejects.toMatchObject({ code: "not_found:user", status: 404 });
    await expect(getUserForAdmin(db(), { actorId: member.id, userId: admin.id })).rejects.toMatchObject({ code: "not_found:admin", status: 404 });
    await expect(getUserForAdmin(db(), { actorId: member.id, userId: member.id })).rejects.toMatchObject({ code: "not_found:admin" });
  });
});
