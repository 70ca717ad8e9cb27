import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { liveSessions } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { assertAdmin, countUsers, getUserRole, listUsersForAdmin } from "./users";

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

  it("counts accounts", async () => {
    const before = await countUsers(db());
    await createTestUser(db());
    await createTestUser(db());
    expect(await countUsers(db())).toBe(before + 2);
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
});
