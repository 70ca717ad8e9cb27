import { afterAll, beforeAll, expect, it } from "vitest";
import { createLiveSession, endLiveSession } from "@/db/queries/live-sessions";
import { applyExtraction, type PreparedOperation } from "@/db/queries/memory-writes";
import { listMemories } from "@/db/queries/memories";
import { updatePreferences } from "@/db/queries/preferences";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { TEST_GEMINI_KEY } from "@/e2e/gemini-double/constants";
import { embedText } from "@/e2e/gemini-double/extractor";
import { type GeminiDouble, startGeminiDouble } from "@/e2e/gemini-double/server";
import { memoryToolCall } from "./tool-declarations";
import { runMemoryTool } from "./tools";

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(async () => {
  await double.close();
});

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const op = (content: string): PreparedOperation => ({ op: "add", targetId: null, kind: "fact", content, importance: 0.6, entities: [], sourceLines: [0], sourceSequence: 0, embedding: embedText(content, 256) });

describeEachDriver(
  "memory tools mid-conversation",
  ({ db }) => {
    const options = () => ({ baseUrl: double.url, serverKey: TEST_GEMINI_KEY });
    async function userWith(facts: string[]) {
      const user = await createTestUser(db());
      const past = await createLiveSession(db(), { userId: user.id, values });
      await endLiveSession(db(), { userId: user.id, sessionId: past.id, status: "ENDED" });
      await applyExtraction(db(), { userId: user.id, sessionId: past.id, operations: facts.map(op), summary: "s", title: "t" });
      const open = await createLiveSession(db(), { userId: user.id, values });
      return { userId: user.id, sessionId: open.id };
    }
    const call = (input: unknown) => memoryToolCall.parse(input);

    it("recalls the caller's own memories only, most relevant first, and counts the use", async () => {
      const ada = await userWith(["The user's sister Anna lives in Lisbon", "The user likes jazz"]);
      await userWith(["The user's sister Anna lives in Berlin"]);
      const result = await runMemoryTool(db(), { ...ada, call: call({ name: "recall_memories", args: { query: "where does my sister live" } }) }, options());
      expect(result).toMatchObject({ ok: true, count: 1, memories: [{ content: "The user's sister Anna lives in Lisbon" }] });
      expect((await listMemories(db(), { userId: ada.userId, search: "Anna" }))[0]?.useCount).toBe(1);
    });

    it("saves at once (before the conversation ends) and forgets on request", async () => {
      const me = await userWith(["The user works as a nurse at the city hospital"]);
      expect(await runMemoryTool(db(), { ...me, call: call({ name: "save_memory", args: { content: "The user is allergic to peanuts" } }) }, options())).toMatchObject({ ok: true, saved: "The user is allergic to peanuts" });
      const saved = (await listMemories(db(), { userId: me.userId, search: "peanuts" }))[0];
      expect(saved).toMatchObject({ sourceSessionId: me.sessionId, importance: expect.closeTo(0.9, 5) });

      const forgot = await runMemoryTool(db(), { ...me, call: call({ name: "forget_memory", args: { query: "my job at the hospital" } }) }, options());
      expect(forgot).toEqual({ ok: true, forgotten: ["The user works as a nurse at the city hospital"] });
      expect((await listMemories(db(), { userId: me.userId })).map((memory) => memory.content)).toEqual(["The user is allergic to peanuts"]);
      expect(await runMemoryTool(db(), { ...me, call: call({ name: "forget_memory", args: { query: "my car" } }) }, options())).toEqual({ ok: true, forgotten: [] });
    });

    it("refuses to save in a 'don't remember' conversation or with memory off, and 404s another user's conversation", async () => {
      const me = await userWith([]);
      const other = await userWith(["The user likes tea"]);
      const optedOut = await createLiveSession(db(), { userId: me.userId, values: { ...values, memoryOptOut: true }, replaceActive: true });
      expect(await runMemoryTool(db(), { userId: me.userId, sessionId: optedOut.id, call: call({ name: "save_memory", args: { content: "x" } }) }, options())).toMatchObject({ ok: false });
      await expect(runMemoryTool(db(), { userId: me.userId, sessionId: other.sessionId, call: call({ name: "recall_memories", args: { query: "tea" } }) }, options())).rejects.toMatchObject({ code: "not_found:session" });
      await updatePreferences(db(), { userId: me.userId, values: { memoryEnabled: false } });
      expect(await runMemoryTool(db(), { userId: me.userId, sessionId: optedOut.id, call: call({ name: "recall_memories", args: { query: "tea" } }) }, options())).toMatchObject({ ok: false });
      expect(memoryToolCall.safeParse({ name: "save_memory", args: { content: "a\u0000" } }).success).toBe(false);
      expect(memoryToolCall.safeParse({ name: "drop_tables", args: {} }).success).toBe(false);
    });
  },
  { drivers: ["pglite", "pg"] },
);
