import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { env } = await import("@/lib/env");
const { createLiveSession } = await import("@/db/queries/live-sessions");
const { listToolCalls } = await import("@/db/queries/memory-tool-calls");
const { POST } = await import("./route");

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
const post = (sessionId: string, body: string) => POST(new Request("http://localhost/x", { method: "POST", body }), { params: Promise.resolve({ id: sessionId }) });

describeEachDriver(
  "POST /api/live/sessions/:id/tools",
  ({ db }) => {
    beforeEach(async () => {
      acting.db = db();
      acting.userId = (await createTestUser(db())).id;
    });

    it("answers a memory tool call for the caller's conversation and keeps a compact note of it", async () => {
      const session = await createLiveSession(db(), { userId: acting.userId!, values });
      const save = await post(session.id, JSON.stringify({ id: "c1", name: "save_memory", args: { content: "The user is allergic to peanuts" } }));
      expect(save.status).toBe(200);
      expect(await save.json()).toMatchObject({ ok: true, saved: "The user is allergic to peanuts" });
      const recall = await post(session.id, JSON.stringify({ id: "c2", name: "recall_memories", args: { query: "peanuts allergy" } }));
      expect(await recall.json()).toMatchObject({ ok: true, count: 1 });
      expect((await listToolCalls(db(), { userId: acting.userId!, sessionId: session.id })).map((call) => call.summary)).toEqual(["Saved a memory", "Recalled 1 memory"]);
    });

    it("refuses bad input with a 400 and another user's conversation with a 404", async () => {
      const other = await createTestUser(db());
      const theirs = await createLiveSession(db(), { userId: other.id, values });
      for (const body of ["not json", JSON.stringify({ name: "drop_all", args: {} }), JSON.stringify({ name: "save_memory", args: { content: "" } })]) {
        expect((await post(theirs.id, body)).status).toBe(400);
      }
      expect((await post("nope", "{}")).status).toBe(400);
      const stolen = await post(theirs.id, JSON.stringify({ name: "recall_memories", args: { query: "x" } }));
      expect(stolen.status).toBe(404);
      expect(await listToolCalls(db(), { userId: other.id, sessionId: theirs.id })).toEqual([]);
    });
  },
  { drivers: ["pglite"] },
);
