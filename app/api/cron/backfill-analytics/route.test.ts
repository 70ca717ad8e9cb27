import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { sessionAnalytics } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { acting } from "@/db/test/acting-user";

vi.hoisted(() => {
  process.env.CRON_SECRET = "cron-secret-for-the-backfill-test";
});
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { createLiveSession, endLiveSession } = await import("@/db/queries/live-sessions");
const { GET, POST } = await import("./route");

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const call = (handler: typeof GET, authorization?: string) =>
  handler(new Request("http://localhost/api/cron/backfill-analytics", { headers: authorization ? { authorization } : {} }));

describeEachDriver("/api/cron/backfill-analytics", ({ db }) => {
  beforeEach(() => {
    acting.db = db();
  });

  it("writes the analytics rows ended conversations are missing, for a caller with the cron secret only", async () => {
    const user = await createTestUser(db());
    const session = await createLiveSession(db(), { userId: user.id, values, now: new Date("2031-01-01T10:00:00Z") });
    await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED", now: new Date("2031-01-01T10:01:00Z") });
    await db().delete(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id));

    for (const authorization of [undefined, "Bearer wrong", "cron-secret-for-the-backfill-test"]) {
      const refused = await call(GET, authorization);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: "unauthorized:auth" });
    }
    expect(await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id))).toHaveLength(0);

    const response = await call(POST, "Bearer cron-secret-for-the-backfill-test");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ written: 1, failed: 0 });
    const [row] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id));
    expect(row).toMatchObject({ userId: user.id, durationSeconds: 60 });
    expect(await (await call(GET, "Bearer cron-secret-for-the-backfill-test")).json()).toEqual({ written: 0, failed: 0 });
  });
});
