import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createLiveSession, endLiveSession } from "@/db/queries/live-sessions";
import { getJobByKey } from "@/db/queries/jobs";
import { listMemories } from "@/db/queries/memories";
import { updatePreferences } from "@/db/queries/preferences";
import { appendTurns } from "@/db/queries/transcripts";
import { jobs, liveSessions, memories } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { TEST_GEMINI_KEY } from "@/e2e/gemini-double/constants";
import { type GeminiDouble, startGeminiDouble } from "@/e2e/gemini-double/server";
import { getBreaker, resetBreakers } from "@/lib/jobs/breakers";
import { runDueJobs } from "@/lib/jobs/runner";
import { GEMINI_BREAKER } from "@/lib/gemini/text-model";
import { extractConversationMemories } from "./extraction";
import { MEMORY_EXTRACT_JOB, memoryExtractKey } from "./job-kinds";

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(async () => {
  await double.close();
});

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const turn = (sequenceNumber: number, sender: "user" | "model", text: string) => ({ sequenceNumber, sender, text, startOffsetMs: sequenceNumber * 1000, endOffsetMs: sequenceNumber * 1000 + 900, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null });

describeEachDriver(
  "memory extraction job against the Gemini double",
  ({ db }) => {
    let clock = new Date("2031-01-01T10:00:00Z");
    const handlers = {
      [MEMORY_EXTRACT_JOB]: (database: Parameters<typeof extractConversationMemories>[0], job: { userId: string | null; payload: Record<string, string> }) =>
        extractConversationMemories(database, { userId: job.userId!, sessionId: job.payload.sessionId! }, { baseUrl: double.url, serverKey: TEST_GEMINI_KEY, now: () => clock }).then(() => {}),
    };
    const run = () => runDueJobs(db(), handlers, { now: () => clock, limit: 20 });

    beforeEach(async () => {
      double.reset();
      resetBreakers();
      getBreaker(GEMINI_BREAKER, { now: () => clock.getTime() });
      // Each test sees only its own jobs.
      await db().update(jobs).set({ status: "done" }).where(eq(jobs.status, "pending"));
    });

    async function conversation(userId: string, lines: [("user" | "model"), string][], { optOut = false } = {}) {
      const session = await createLiveSession(db(), { userId, values: { ...values, memoryOptOut: optOut }, now: clock });
      await appendTurns(db(), { userId, sessionId: session.id, turns: lines.map(([sender, text], i) => turn(i, sender, text)), now: clock });
      await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED", now: clock });
      return session.id;
    }

    it("learns from an ended conversation: memories with source lines, a summary and a title", async () => {
      const user = await createTestUser(db());
      const sessionId = await conversation(user.id, [
        ["user", "Hi there."],
        ["model", "Hello! My name is Gemini."],
        ["user", "My sister Anna lives in Lisbon and I'm training for the Porto half marathon in April."],
      ]);
      expect(await run()).toMatchObject({ done: 1 });
      const learned = await listMemories(db(), { userId: user.id });
      expect(learned.map((memory) => [memory.kind, memory.content, memory.sourceSequence])).toEqual(
        expect.arrayContaining([
          ["person", "The user's sister Anna lives in Lisbon", 2],
          ["goal", "The user is training for the Porto half marathon in April", 2],
        ]),
      );
      expect(learned).toHaveLength(2);
      const [session] = await db().select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      expect(session?.summary).toContain("Anna lives in Lisbon");
      expect(session?.title).toBe("Sister Anna lives in Lisbon");
      expect(await getJobByKey(db(), { dedupeKey: memoryExtractKey(sessionId) })).toMatchObject({ status: "done", attempts: 1 });
    });

    it("extracts lines uploaded after the extraction (an offline batch) in one more run, over those lines only", async () => {
      const user = await createTestUser(db());
      const sessionId = await conversation(user.id, [
        ["user", "My sister Anna lives in Lisbon."],
        ["model", "Lovely city."],
      ]);
      expect(await run()).toMatchObject({ done: 1 });
      expect(await db().select({ through: liveSessions.memoryExtractedThrough }).from(liveSessions).where(eq(liveSessions.id, sessionId))).toEqual([{ through: 1 }]);

      // Two late batches before the next run: one job, keyed by where the last run stopped.
      await appendTurns(db(), { userId: user.id, sessionId, turns: [turn(2, "user", "I'm allergic to peanuts.")], now: clock });
      await appendTurns(db(), { userId: user.id, sessionId, turns: [turn(3, "user", "My brother Tom lives in Rome.")], now: clock });
      // A retried batch of a line the run has read queues nothing.
      await appendTurns(db(), { userId: user.id, sessionId, turns: [turn(0, "user", "My sister Anna lives in Lisbon.")], now: clock });
      const pending = await db().select({ key: jobs.dedupeKey }).from(jobs).where(eq(jobs.status, "pending"));
      expect(pending).toEqual([{ key: memoryExtractKey(sessionId, 1) }]);

      expect(await run()).toMatchObject({ done: 1 });
      const learned = await listMemories(db(), { userId: user.id });
      expect(learned.map((memory) => [memory.content, memory.sourceSequence]).sort()).toEqual([
        ["The user is allergic to peanuts", 2],
        ["The user's brother Tom lives in Rome", 3],
        ["The user's sister Anna lives in Lisbon", 0],
      ]);
      const [session] = await db().select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      expect(session).toMatchObject({ memoryExtractedThrough: 3, title: "Sister Anna lives in Lisbon" });
      // The double summarizes what it was sent: the late lines only.
      expect(session?.summary).toContain("Tom lives in Rome");
      expect(session?.summary).not.toContain("Anna");
      expect(await run()).toMatchObject({ claimed: 0 });
    });

    it("rejects malformed model JSON, stores nothing, and retries to success", async () => {
      const user = await createTestUser(db());
      double.setScript({ malformedJson: 1 });
      const sessionId = await conversation(user.id, [["user", "Remember that I'm allergic to peanuts."]]);
      expect(await run()).toMatchObject({ retried: 1 });
      expect(await db().select().from(memories).where(eq(memories.userId, user.id))).toEqual([]);
      const job = await getJobByKey(db(), { dedupeKey: memoryExtractKey(sessionId) });
      expect(job).toMatchObject({ status: "pending", lastError: "MalformedModelOutputError" });

      clock = new Date(job!.nextRunAt.getTime());
      expect(await run()).toMatchObject({ done: 1 });
      expect((await listMemories(db(), { userId: user.id })).map((memory) => [memory.content, memory.importance])).toEqual([["The user is allergic to peanuts", expect.closeTo(0.9, 5)]]);
    });

    it("survives an outage: retries, opens the circuit after 5 failures, defers without losing a conversation, closes later", async () => {
      const user = await createTestUser(db());
      double.setScript({ textOutage: true });
      const sessions = [];
      for (let i = 0; i < 7; i += 1) sessions.push(await conversation(user.id, [["user", `I am learning song number ${i}`]]));
      const first = await run();
      expect(first).toMatchObject({ claimed: 7, retried: 5, deferred: 2 });
      expect(getBreaker(GEMINI_BREAKER).state).toBe("open");
      const calls = double.received().rest.filter((call) => call.status === 503).length;
      expect(calls).toBe(5);

      // The outage ends; the circuit lets a trial through after its minute and then closes.
      double.setScript({});
      clock = new Date(clock.getTime() + 30 * 60_000);
      expect(await run()).toMatchObject({ done: 7 });
      expect(getBreaker(GEMINI_BREAKER).state).toBe("closed");
      for (const sessionId of sessions) expect(await getJobByKey(db(), { dedupeKey: memoryExtractKey(sessionId) })).toMatchObject({ status: "done" });
      expect(await listMemories(db(), { userId: user.id })).toHaveLength(7);
    });

    it("learns nothing with memory off or from a 'don't remember' conversation, and never calls the model", async () => {
      const user = await createTestUser(db());
      const optedOut = await conversation(user.id, [["user", "My brother Tom lives in Rome."]], { optOut: true });
      await updatePreferences(db(), { userId: user.id, values: { memoryEnabled: false } });
      const memoryOff = await conversation(user.id, [["user", "My brother Tom lives in Rome."]]);
      expect(await run()).toMatchObject({ done: 2 });
      expect(double.received().rest.filter((call) => call.path.includes(":generateContent"))).toEqual([]);
      expect(await db().select().from(memories).where(eq(memories.userId, user.id))).toEqual([]);
      for (const id of [optedOut, memoryOff]) {
        const [row] = await db().select().from(liveSessions).where(eq(liveSessions.id, id));
        expect(row).toMatchObject({ summary: null });
        expect(row?.memoryProcessedAt).toBeInstanceOf(Date);
      }
    });
  },
  { drivers: ["pglite", "pg"] },
);
