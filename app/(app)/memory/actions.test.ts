import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { env } = await import("@/lib/env");
const { memories } = await import("@/db/schema");
const { createLiveSession, endLiveSession } = await import("@/db/queries/live-sessions");
const { applyExtraction } = await import("@/db/queries/memory-writes");
const { listMemories } = await import("@/db/queries/memories");
const { getPreferences } = await import("@/db/queries/preferences");
const { JOB_HANDLERS } = await import("@/lib/jobs/handlers");
const { runDueJobs } = await import("@/lib/jobs/runner");
const { editMemory, forgetAllMemories, removeMemory, saveMemoryPreference } = await import("./actions");

let double: GeminiDouble;
const saved = { baseUrl: env.GEMINI_API_BASE_URL, serverKey: env.GEMINI_API_KEY };
beforeAll(async () => {
  double = await startGeminiDouble();
  Object.assign(env, { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: TEST_GEMINI_KEY });
});
afterAll(async () => {
  Object.assign(env, { GEMINI_API_BASE_URL: saved.baseUrl, GEMINI_API_KEY: saved.serverKey });
  await double.close();
});

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };

describeEachDriver(
  "memory page actions",
  ({ db }) => {
    async function memoryOf(userId: string, content: string) {
      const session = await createLiveSession(db(), { userId, values });
      await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED" });
      await applyExtraction(db(), {
        userId,
        sessionId: session.id,
        operations: [{ op: "add", targetId: null, kind: "fact", content, importance: 0.5, entities: [], sourceLines: [0], sourceSequence: 0, embedding: [1, 0, 0] }],
        summary: "s",
        title: "t",
      });
      return (await listMemories(db(), { userId }))[0]!;
    }

    beforeEach(async () => {
      acting.db = db();
      acting.userId = (await createTestUser(db())).id;
    });

    it("refuse bad input with a 4xx, and another user's memory as not found", async () => {
      const other = await createTestUser(db());
      const theirs = await memoryOf(other.id, "The user likes tea");
      for (const input of [{ memoryId: "nope", pinned: true }, { memoryId: theirs.id }, { memoryId: theirs.id, content: "a\u0000b" }, { memoryId: theirs.id, content: "x".repeat(501) }, { memoryId: theirs.id, userId: other.id, pinned: true }]) {
        expect(await editMemory(input as never)).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
      }
      expect(await editMemory({ memoryId: theirs.id, pinned: true })).toMatchObject({ ok: false, error: { code: "not_found:memory" } });
      expect(await removeMemory({ memoryId: theirs.id })).toMatchObject({ ok: false, error: { code: "not_found:memory" } });
      expect(await forgetAllMemories({} as never)).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
      expect(await forgetAllMemories({ confirm: "forget everything" })).toEqual({ ok: true, data: { deleted: 0 } });
      expect(await listMemories(db(), { userId: other.id })).toEqual([expect.objectContaining({ id: theirs.id, pinned: false, content: "The user likes tea" })]);
    });

    it("edit re-embeds through a job, pin, delete and forget everything leave no row", async () => {
      const mine = await memoryOf(acting.userId!, "The user likes tea");
      expect(await editMemory({ memoryId: mine.id, content: "The user likes green tea", pinned: true })).toEqual({ ok: true, data: { id: mine.id } });
      const [edited] = await db().select().from(memories).where(eq(memories.id, mine.id));
      expect(edited).toMatchObject({ content: "The user likes green tea", pinned: true, embedding: null });
      await runDueJobs(db(), JOB_HANDLERS, { userId: acting.userId! });
      const [embedded] = await db().select().from(memories).where(eq(memories.id, mine.id));
      expect(embedded?.embedding).toHaveLength(env.GEMINI_EMBEDDING_DIMENSIONS);

      const second = await memoryOf(acting.userId!, "The user has a cat");
      expect(await removeMemory({ memoryId: second.id })).toEqual({ ok: true, data: { id: second.id } });
      expect(await forgetAllMemories({ confirm: "forget everything" })).toEqual({ ok: true, data: { deleted: 1 } });
      expect(await db().select().from(memories).where(eq(memories.userId, acting.userId!))).toEqual([]);
    });

    it("turn memory off and on for the account", async () => {
      expect(await saveMemoryPreference({ memoryEnabled: false })).toEqual({ ok: true, data: { memoryEnabled: false } });
      expect((await getPreferences(db(), { userId: acting.userId! })).memoryEnabled).toBe(false);
      expect(await saveMemoryPreference({ memoryEnabled: "no" } as never)).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
    });
  },
  { drivers: ["pglite", "pg"] },
);
