import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { embedText } from "@/e2e/gemini-double/extractor";
import { liveSessions, memories } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { createLiveSession, endLiveSession } from "./live-sessions";
import { consolidateMemories, foldOldConversations } from "./memory-consolidate";
import { applyExtraction, type PreparedOperation } from "./memory-writes";
import { getJobByKey } from "./jobs";
import { listMemories, updateMemory } from "./memories";
import { recallCandidates } from "./memory-recall";
import { setEmbeddings } from "./memory-writes";

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const op = (content: string, over: Partial<PreparedOperation> = {}): PreparedOperation => ({
  op: "add", targetId: null, kind: "fact", content, importance: 0.6, entities: [], sourceLines: [0], sourceSequence: 0, embedding: embedText(content, 64), ...over,
});

describeEachDriver("memory consolidation", ({ db }) => {
  async function learn(userId: string, operations: PreparedOperation[], at: string) {
    const session = await createLiveSession(db(), { userId, values, now: new Date(at) });
    await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED", now: new Date(at) });
    await applyExtraction(db(), { userId, sessionId: session.id, operations, summary: "s", title: "t", now: new Date(at) });
  }

  it("folds a new near-duplicate into the stronger memory (kept as history), fades stale low-importance ones, leaves others' alone", async () => {
    const user = await createTestUser(db());
    const other = await createTestUser(db());
    await learn(user.id, [op("The user loves hiking in the mountains", { importance: 0.8 }), op("The user once mentioned a blue umbrella", { importance: 0.3 })], "2031-01-01T10:00:00Z");
    await learn(other.id, [op("The user loves hiking in the mountains!", { importance: 0.3 }), op("The user once mentioned a red umbrella", { importance: 0.3 })], "2031-01-01T10:00:00Z");
    await learn(user.id, [op("The user loves hiking in the mountains!", { importance: 0.4 })], "2031-03-01T10:00:00Z");

    const now = new Date("2031-03-02T03:00:00Z");
    expect(await consolidateMemories(db(), { userId: user.id, since: new Date("2031-03-01T00:00:00Z"), now })).toEqual({ merged: 1, decayed: 1 });
    const all = await listMemories(db(), { userId: user.id });
    const kept = all.find((memory) => memory.content === "The user loves hiking in the mountains")!;
    expect(kept).toMatchObject({ validTo: null, lastConfirmedAt: now, importance: expect.closeTo(0.8, 5) });
    expect(all.find((memory) => memory.content.endsWith("mountains!"))).toMatchObject({ validTo: now, supersededBy: kept.id });
    expect(all.find((memory) => memory.content.includes("umbrella"))?.importance).toBeCloseTo(0.27, 5);

    // Another user's similar memories are untouched; a pinned memory never fades.
    expect((await listMemories(db(), { userId: other.id })).map((memory) => [memory.validTo, memory.importance])).toEqual([[null, expect.closeTo(0.3, 5)], [null, expect.closeTo(0.3, 5)]]);
    const umbrella = all.find((memory) => memory.content.includes("umbrella"))!;
    await updateMemory(db(), { userId: user.id, memoryId: umbrella.id, pinned: true });
    expect(await consolidateMemories(db(), { userId: user.id, since: now, now: new Date("2031-03-03T03:00:00Z") })).toEqual({ merged: 0, decayed: 0 });
  });

  it("folds an old conversation into its summary once: small unused facts superseded by it (source kept), important ones stay", async () => {
    const user = await createTestUser(db());
    const other = await createTestUser(db());
    await learn(user.id, [op("The user once mentioned a green kite", { importance: 0.3 }), op("The user's daughter is called Ines", { importance: 0.8 })], "2031-01-05T10:00:00Z");
    await learn(other.id, [op("The user once mentioned a red kite", { importance: 0.3 })], "2031-01-05T10:00:00Z");
    await learn(user.id, [op("The user once mentioned a yellow kite", { importance: 0.3 })], "2031-03-01T10:00:00Z");
    const now = new Date("2031-03-02T03:00:00Z");

    expect(await foldOldConversations(db(), { userId: user.id, now })).toEqual({ folded: 1, superseded: 1 });
    const stored = await db().select().from(memories).where(eq(memories.userId, user.id));
    const summary = stored.find((memory) => memory.kind === "summary")!;
    const oldSession = stored.find((memory) => memory.content.includes("green kite"))!.sourceSessionId;
    expect(summary).toMatchObject({ content: "Conversation of 2031-01-05: s", sourceSessionId: oldSession, validTo: null });
    expect(stored.find((memory) => memory.content.includes("green kite"))).toMatchObject({ validTo: now, supersededBy: summary.id, sourceSessionId: oldSession, sourceSequence: 0 });
    expect(stored.find((memory) => memory.content.includes("Ines"))).toMatchObject({ validTo: null });
    // The recent conversation is not old enough; another user's is not this user's to fold.
    expect(stored.find((memory) => memory.content.includes("yellow kite"))).toMatchObject({ validTo: null });
    expect((await db().select().from(memories).where(eq(memories.userId, other.id))).map((memory) => memory.kind)).toEqual(["fact"]);
    const [session] = await db().select({ foldedAt: liveSessions.memoryFoldedAt }).from(liveSessions).where(eq(liveSessions.id, oldSession!));
    expect(session?.foldedAt).toEqual(now);

    // What the folded facts said stays recallable through the summary: listed, embedded by a job, recalled.
    expect((await listMemories(db(), { userId: user.id })).map((memory) => memory.id)).toContain(summary.id);
    expect(await getJobByKey(db(), { dedupeKey: `memory.embed:${user.id}` })).toMatchObject({ kind: "memory.embed", status: "pending" });
    await setEmbeddings(db(), { userId: user.id, vectors: [{ id: summary.id, content: summary.content, embedding: embedText("green kite", 64) }] });
    const recalled = await recallCandidates(db(), { userId: user.id, query: embedText("green kite", 64), limit: 3 });
    expect(recalled.map((memory) => memory.id)).toContain(summary.id);
    expect(recalled.map((memory) => memory.content)).not.toContain("The user once mentioned a green kite");

    // Once each: the next run finds nothing to fold.
    expect(await foldOldConversations(db(), { userId: user.id, now: new Date("2031-03-03T03:00:00Z") })).toEqual({ folded: 0, superseded: 0 });
    expect((await db().select().from(memories).where(and(eq(memories.userId, user.id), eq(memories.kind, "summary"))))).toHaveLength(1);
  });
});
