import { expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { embedText } from "@/e2e/gemini-double/extractor";
import { startGeminiDouble, TEST_GEMINI_KEY } from "@/e2e/gemini-double";
import type { PreparedOperation } from "@/db/queries/memory-writes";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
});

const { createLiveSession, endLiveSession } = await import("@/db/queries/live-sessions");
const { applyExtraction } = await import("@/db/queries/memory-writes");
const { updateMemory } = await import("@/db/queries/memories");
const { updatePreferences } = await import("@/db/queries/preferences");
const { startLiveSession } = await import("@/lib/gemini/live-service");
const { composeMemoryContext } = await import("./recall");
const { estimateTokens, MEMORY_TOKEN_BUDGET } = await import("./ranking");

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const op = (content: string, over: Partial<PreparedOperation> = {}): PreparedOperation => ({
  op: "add", targetId: null, kind: "fact", content, importance: 0.5, entities: [], sourceLines: [0], sourceSequence: 0, embedding: embedText(content, 256), ...over,
});

describeEachDriver(
  "recall at Start",
  ({ db }) => {
    async function learned(userId: string, operations: PreparedOperation[], summary: string, at: string) {
      const session = await createLiveSession(db(), { userId, values, now: new Date(at) });
      await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED", now: new Date(at) });
      await applyExtraction(db(), { userId, sessionId: session.id, operations, summary, title: "t" });
    }

    it("locks pinned memories, the most relevant others and the last summary into the setup; memory off recalls nothing", async () => {
      const double = await startGeminiDouble();
      try {
        const user = await createTestUser(db());
        const other = await createTestUser(db());
        await learned(other.id, [op("The user's sister Anna lives in Lisbon")], "Other user's talk.", "2031-01-01T10:00:00Z");
        await learned(user.id, [op("The user likes green tea", { importance: 0.2 })], "First chat about tea.", "2031-01-01T10:00:00Z");
        await learned(user.id, [op("The user's brother Tom lives in Rome"), op("The user is training for the Porto half marathon", { importance: 0.8 })], "Talked about Tom and the Porto half marathon.", "2031-02-01T10:00:00Z");

        const options = { baseUrl: double.url, serverKey: TEST_GEMINI_KEY, model: "gemini-2.5-flash-native-audio-preview-12-2025" };
        const start = await startLiveSession(db(), { userId: user.id, input: { voice: "Puck", cameraEnabled: false, micEnabled: true } }, options);
        const instruction = String(start.config.systemInstruction);
        expect(instruction).toContain("The user is training for the Porto half marathon");
        expect(instruction).toContain("The user's brother Tom lives in Rome");
        expect(instruction).toContain("Talked about Tom and the Porto half marathon.");
        expect(instruction).not.toContain("Anna");
        expect(instruction.indexOf("Porto half marathon")).toBeLessThan(instruction.indexOf("green tea"));
        await endLiveSession(db(), { userId: user.id, sessionId: start.sessionId, status: "ENDED" });

        await updatePreferences(db(), { userId: user.id, values: { memoryEnabled: false } });
        expect(await composeMemoryContext(db(), { userId: user.id })).toBeNull();
      } finally {
        await double.close();
      }
    });

    it("stays within the token budget at 500 memories, pinned ones always in", async () => {
      const user = await createTestUser(db());
      const many = Array.from({ length: 500 }, (_, i) => op(`The user mentioned detail number ${i} about their hobby of collecting ${i % 7 === 0 ? "stamps" : "coins"} in great detail`));
      await learned(user.id, many, "A long talk about collections.", "2031-01-01T10:00:00Z");
      const pinned = await composeMemoryContext(db(), { userId: user.id });
      const { listMemories } = await import("@/db/queries/memories");
      const last = (await listMemories(db(), { userId: user.id, search: "number 499 " }))[0]!;
      await updateMemory(db(), { userId: user.id, memoryId: last.id, pinned: true, importance: 0 });
      const context = await composeMemoryContext(db(), { userId: user.id });
      expect(pinned!.tokens).toBeLessThanOrEqual(MEMORY_TOKEN_BUDGET);
      expect(context!.tokens).toBeLessThanOrEqual(MEMORY_TOKEN_BUDGET);
      expect(estimateTokens(context!.text)).toBe(context!.tokens);
      expect(context!.memoryIds[0]).toBe(last.id);
      expect(context!.memoryIds.length).toBeGreaterThan(20);
    });
  },
  { drivers: ["pglite", "pg"] },
);
