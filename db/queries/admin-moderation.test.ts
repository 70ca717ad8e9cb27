import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { liveSessions, sessionAnalytics } from "../schema";
import { describeEachDriver } from "../test/drivers";
import { createTestUser } from "../test/fixtures";
import { endUserSessionsAsAdmin, SUSPENDED_SESSION_MESSAGE } from "./admin-moderation";

describeEachDriver("admin moderation queries", ({ db }) => {
  it("ends a suspended account's open conversations, with their analytics, and no one else's", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const banned = await createTestUser(db());
    const bystander = await createTestUser(db());
    const open = (userId: string) =>
      db().insert(liveSessions).values({ userId, model: "m", voice: "Puck", status: "ACTIVE", startedAt: new Date(Date.now() - 60_000) }).returning().then(([row]) => row!);
    const talking = await open(banned.id);
    const other = await open(bystander.id);

    expect(await endUserSessionsAsAdmin(db(), { actorId: admin.id, userId: banned.id, reason: SUSPENDED_SESSION_MESSAGE })).toEqual([talking.id]);
    const [ended] = await db().select().from(liveSessions).where(eq(liveSessions.id, talking.id));
    expect(ended).toMatchObject({ status: "ENDED", lastErrorMessage: SUSPENDED_SESSION_MESSAGE });
    expect(ended!.endedAt).toBeInstanceOf(Date);
    expect(await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, talking.id))).toHaveLength(1);
    expect((await db().select().from(liveSessions).where(eq(liveSessions.id, other.id)))[0]!.status).toBe("ACTIVE");
    expect(await endUserSessionsAsAdmin(db(), { actorId: admin.id, userId: banned.id, reason: SUSPENDED_SESSION_MESSAGE })).toEqual([]);
  });

  it("refuses a member or an unknown actor with not_found:admin and ends nothing", async () => {
    const member = await createTestUser(db());
    const target = await createTestUser(db());
    const [session] = await db().insert(liveSessions).values({ userId: target.id, model: "m", voice: "Puck", status: "ACTIVE" }).returning();
    for (const actorId of [member.id, randomUUID()]) {
      await expect(endUserSessionsAsAdmin(db(), { actorId, userId: target.id, reason: SUSPENDED_SESSION_MESSAGE })).rejects.toMatchObject({ code: "not_found:admin", status: 404 });
    }
    expect((await db().select().from(liveSessions).where(eq(liveSessions.id, session!.id)))[0]!.status).toBe("ACTIVE");
  });
});
