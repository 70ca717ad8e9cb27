import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { acting } from "@/db/test/acting-user";

vi.hoisted(() => {
  process.env.CRON_SECRET = "cron-secret-for-the-jobs-test";
});
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { createLiveSession, endLiveSession, getOwnedLiveSession } = await import("@/db/queries/live-sessions");
const { getJobByKey } = await import("@/db/queries/jobs");
const { updatePreferences } = await import("@/db/queries/preferences");
const { memoryExtractKey } = await import("@/lib/memory/job-kinds");
const { GET, POST } = await import("./route");

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const call = (handler: typeof GET, authorization?: string) => handler(new Request("http://localhost/api/cron/jobs", { headers: authorization ? { authorization } : {} }));

describeEachDriver(
  "/api/cron/jobs",
  ({ db }) => {
    beforeEach(() => {
      acting.db = db();
    });

    it("runs the due jobs for a caller with the cron secret only", async () => {
      const user = await createTestUser(db());
      await updatePreferences(db(), { userId: user.id, values: { memoryEnabled: false } });
      const session = await createLiveSession(db(), { userId: user.id, values });
      await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED" });

      for (const authorization of [undefined, "Bearer wrong", "cron-secret-for-the-jobs-test"]) {
        const refused = await call(GET, authorization);
        expect(refused.status).toBe(401);
      }
      expect(await getJobByKey(db(), { dedupeKey: memoryExtractKey(session.id) })).toMatchObject({ status: "pending" });

      const response = await call(POST, "Bearer cron-secret-for-the-jobs-test");
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ done: expect.any(Number), failed: 0 });
      expect(await getJobByKey(db(), { dedupeKey: memoryExtractKey(session.id) })).toMatchObject({ status: "done", attempts: 1 });
      expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: session.id })).memoryProcessedAt).toBeInstanceOf(Date);
    });
  },
  { drivers: ["pglite"] },
);
