import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { embedText } from "@/e2e/gemini-double/extractor";
import { deleteConversations } from "@/lib/history/delete";
import { exportSessionJson } from "./history-export";
import { listToolCalls, recordToolCall } from "./memory-tool-calls";
import { memories, memoryEntities } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { createLiveSession, endLiveSession } from "./live-sessions";
import { lastConversation, markMemoriesUsed, recallCandidates } from "./memory-recall";
import { applyExtraction, type PreparedOperation } from "./memory-writes";
import { getJobByKey } from "./jobs";
import { appendTurns } from "./transcripts";
import { memoryExtractKey } from "@/lib/memory/job-kinds";
import { deleteMemory, forgetEverything, listEntities, listMemories, updateMemory } from "./memories";

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const op = (content: string, over: Partial<PreparedOperation> = {}): PreparedOperation => ({
  op: "add",
  targetId: null,
  kind: "fact",
  content,
  importance: 0.6,
  entities: [],
  sourceLines: [0],
  sourceSequence: 0,
  embedding: embedText(content, 64),
  ...over,
});

describeEachDriver("memory queries", ({ db }) => {
  async function endedSession(userId: string, at = "2031-03-01T10:00:00Z") {
    const session = await createLiveSession(db(), { userId, values, now: new Date(at) });
    await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED", now: new Date(new Date(at).getTime() + 60_000) });
    return session.id;
  }

  it("applies an extraction once: adds with entities, summary and title, then a retry changes nothing", async () => {
    const user = await createTestUser(db());
    const sessionId = await endedSession(user.id);
    const operations = [
      op("The user's sister Anna lives in Lisbon", { kind: "person", entities: [{ name: "Anna", type: "person" }, { name: "Lisbon", type: "place" }], sourceSequence: 3 }),
      op("The user is training for the Porto half marathon", { kind: "goal" }),
      op("nothing", { op: "none" }),
    ];
    const input = { userId: user.id, sessionId, operations, summary: "Talked about Anna and running.", title: "Anna and Porto" };
    expect(await applyExtraction(db(), input)).toEqual({ added: 2, superseded: 0, deleted: 0, confirmed: 0, created: [expect.objectContaining({ id: expect.any(String) }), expect.objectContaining({ id: expect.any(String) })] });
    expect(await applyExtraction(db(), input)).toBeNull();

    const listed = await listMemories(db(), { userId: user.id });
    expect(listed.map((memory) => memory.content).sort()).toEqual(["The user is training for the Porto half marathon", "The user's sister Anna lives in Lisbon"]);
    const anna = listed.find((memory) => memory.kind === "person");
    expect(anna).toMatchObject({ sourceSessionId: sessionId, sourceSequence: 3, sourceTitle: "Anna and Porto", validTo: null });
    expect(anna?.entities).toEqual(expect.arrayContaining([{ name: "Anna", type: "person" }, { name: "Lisbon", type: "place" }]));
    expect(await lastConversation(db(), { userId: user.id })).toMatchObject({ sessionId, summary: "Talked about Anna and running." });
  });

  it("supersedes a changed fact (the old one stays as dated history), confirms a repeat, deletes on request", async () => {
    const user = await createTestUser(db());
    const first = await endedSession(user.id, "2031-03-01T10:00:00Z");
    await applyExtraction(db(), { userId: user.id, sessionId: first, operations: [op("The user lives in Paris"), op("The user likes tea")], summary: "s", title: "t" });
    const [paris] = (await listMemories(db(), { userId: user.id, search: "paris" }));
    const [tea] = (await listMemories(db(), { userId: user.id, search: "tea" }));

    const second = await endedSession(user.id, "2031-04-01T10:00:00Z");
    const now = new Date("2031-04-01T11:00:00Z");
    const applied = await applyExtraction(db(), {
      userId: user.id,
      sessionId: second,
      operations: [op("The user lives in Lisbon", { op: "update", targetId: paris!.id }), op("the user likes TEA"), op("x", { op: "delete", targetId: "not-a-uuid" })],
      summary: "s2",
      title: "t2",
      now,
    });
    expect(applied).toEqual({ added: 0, superseded: 1, deleted: 0, confirmed: 1, created: [expect.objectContaining({ content: "The user lives in Lisbon" })] });
    const history = await listMemories(db(), { userId: user.id });
    const lisbon = history.find((memory) => memory.content === "The user lives in Lisbon");
    expect(history.find((memory) => memory.id === paris!.id)).toMatchObject({ validTo: now, supersededBy: lisbon!.id });
    expect(history.find((memory) => memory.id === tea!.id)?.lastConfirmedAt).toEqual(now);

    const third = await endedSession(user.id, "2031-05-01T10:00:00Z");
    await applyExtraction(db(), { userId: user.id, sessionId: third, operations: [op("forget", { op: "delete", targetId: tea!.id })], summary: "s3", title: "t3" });
    expect((await listMemories(db(), { userId: user.id })).map((memory) => memory.content).sort()).toEqual(["The user lives in Lisbon", "The user lives in Paris"]);
    // Recall sees the current fact only.
    expect((await recallCandidates(db(), { userId: user.id, query: null })).map((memory) => memory.content)).toEqual(["The user lives in Lisbon"]);
  });

  it("keeps two users with similar facts apart: recall, lists, targets, edits and deletes", async () => {
    const ada = await createTestUser(db());
    const bo = await createTestUser(db());
    const adaSession = await endedSession(ada.id);
    const boSession = await endedSession(bo.id);
    await applyExtraction(db(), { userId: ada.id, sessionId: adaSession, operations: [op("The user's sister Anna lives in Lisbon", { entities: [{ name: "Anna", type: "person" }] })], summary: "ada", title: "a" });
    await applyExtraction(db(), { userId: bo.id, sessionId: boSession, operations: [op("The user's sister Anna lives in Lisbon", { entities: [{ name: "Anna", type: "person" }] })], summary: "bo", title: "b" });
    const [boMemory] = await listMemories(db(), { userId: bo.id });

    const recalled = await recallCandidates(db(), { userId: ada.id, query: embedText("where does my sister live", 64) });
    expect(recalled).toHaveLength(1);
    expect(recalled[0]!.id).not.toBe(boMemory!.id);
    expect(await listMemories(db(), { userId: ada.id, entity: "anna" })).toHaveLength(1);
    expect(await listEntities(db(), { userId: ada.id })).toEqual([expect.objectContaining({ name: "Anna", mentions: 1 })]);

    // Ada's extraction naming Bo's memory as its target neither supersedes nor deletes it.
    const again = await endedSession(ada.id, "2031-03-02T10:00:00Z");
    await applyExtraction(db(), { userId: ada.id, sessionId: again, operations: [op("x", { op: "delete", targetId: boMemory!.id }), op("The user's sister lives in Porto", { op: "update", targetId: boMemory!.id })], summary: "s", title: "t" });
    expect(await listMemories(db(), { userId: bo.id })).toEqual([expect.objectContaining({ id: boMemory!.id, validTo: null })]);

    await expect(updateMemory(db(), { userId: ada.id, memoryId: boMemory!.id, pinned: true })).rejects.toMatchObject({ code: "not_found:memory" });
    await expect(deleteMemory(db(), { userId: ada.id, memoryId: boMemory!.id })).rejects.toMatchObject({ code: "not_found:memory" });
    await markMemoriesUsed(db(), { userId: ada.id, ids: [boMemory!.id] });
    expect((await listMemories(db(), { userId: bo.id }))[0]).toMatchObject({ useCount: 0, pinned: false });
    expect(await forgetEverything(db(), { userId: ada.id })).toEqual({ deleted: 2 });
    expect(await listMemories(db(), { userId: bo.id })).toHaveLength(1);
  });

  it("ranks by similarity in SQL, edits drop the stale embedding, delete takes the history along", async () => {
    const user = await createTestUser(db());
    const sessionId = await endedSession(user.id);
    await applyExtraction(db(), {
      userId: user.id,
      sessionId,
      operations: [op("The user is allergic to peanuts", { importance: 0.5 }), op("The user is training for a marathon", { importance: 0.5 }), op("The user likes jazz", { importance: 0.5 })],
      summary: "s",
      title: "t",
    });
    const ranked = await recallCandidates(db(), { userId: user.id, query: embedText("marathon training plan", 64) });
    expect(ranked[0]!.content).toBe("The user is training for a marathon");
    expect(ranked[0]!.similarity!).toBeGreaterThan(ranked[1]!.similarity!);

    const jazz = ranked.find((memory) => memory.content.includes("jazz"))!;
    expect(await updateMemory(db(), { userId: user.id, memoryId: jazz.id, content: "The user loves blues", pinned: true })).toEqual({ id: jazz.id, contentChanged: true });
    const [row] = await db().select().from(memories).where(eq(memories.id, jazz.id));
    expect(row).toMatchObject({ content: "The user loves blues", pinned: true, embedding: null });

    await deleteMemory(db(), { userId: user.id, memoryId: jazz.id });
    expect(await db().select().from(memories).where(eq(memories.id, jazz.id))).toEqual([]);
    expect(await db().select().from(memoryEntities).where(eq(memoryEntities.memoryId, jazz.id))).toEqual([]);
  });

  it("deleting a conversation forgets what was learned from it by default, or keeps it without a source", async () => {
    const user = await createTestUser(db());
    const forget = await endedSession(user.id, "2031-03-01T10:00:00Z");
    const keep = await endedSession(user.id, "2031-03-02T10:00:00Z");
    await applyExtraction(db(), { userId: user.id, sessionId: forget, operations: [op("The user has a dog named Rex")], summary: "s", title: "t" });
    await applyExtraction(db(), { userId: user.id, sessionId: keep, operations: [op("The user plays chess")], summary: "s", title: "t" });
    await deleteConversations(db(), { userId: user.id, sessionIds: [forget] });
    await deleteConversations(db(), { userId: user.id, sessionIds: [keep], forgetMemories: false });
    expect((await listMemories(db(), { userId: user.id })).map((memory) => [memory.content, memory.sourceSessionId])).toEqual([["The user plays chess", null]]);
  });

  it("exports the memories learned from a conversation with their source line and entities, never the embedding", async () => {
    const user = await createTestUser(db());
    const sessionId = await endedSession(user.id);
    await applyExtraction(db(), { userId: user.id, sessionId, operations: [op("The user's sister Anna lives in Lisbon", { sourceSequence: 4, entities: [{ name: "Anna", type: "person" }] })], summary: "s", title: "t" });
    const exported = JSON.parse(await exportSessionJson(db(), { userId: user.id, sessionId })) as { session: { summary: string }; memories: Record<string, unknown>[] };
    expect(exported.session.summary).toBe("s");
    expect(exported.memories).toEqual([expect.objectContaining({ content: "The user's sister Anna lives in Lisbon", source_sequence: 4, source_session_id: sessionId, entities: [{ name: "Anna", type: "person" }] })]);
    expect(exported.memories[0]).not.toHaveProperty("embedding");
  });

  it("keeps each memory tool use with its conversation once, for its owner only", async () => {
    const user = await createTestUser(db());
    const other = await createTestUser(db());
    const sessionId = await endedSession(user.id);
    const use = { userId: user.id, sessionId, callId: "call-1", name: "recall_memories", summary: "Recalled 2 memories" };
    await recordToolCall(db(), use);
    await recordToolCall(db(), use);
    await recordToolCall(db(), { ...use, userId: other.id, callId: "call-2", summary: "Forgot 1 memory" });
    expect(await listToolCalls(db(), { userId: user.id, sessionId })).toEqual([expect.objectContaining({ name: "recall_memories", summary: "Recalled 2 memories" })]);
    expect(await listToolCalls(db(), { userId: other.id, sessionId })).toEqual([]);
  });

  it("a run that read fewer lines than are stored when it applies queues one more run; an overtaken run applies nothing", async () => {
    const user = await createTestUser(db());
    const sessionId = await endedSession(user.id);
    const turn = (sequenceNumber: number) => ({ sequenceNumber, sender: "user" as const, text: `line ${sequenceNumber}`, startOffsetMs: null, endOffsetMs: null, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null });
    await appendTurns(db(), { userId: user.id, sessionId, turns: [turn(0), turn(1), turn(2)] });
    const read = { processed: false, after: null, through: 1 };
    expect(await applyExtraction(db(), { userId: user.id, sessionId, operations: [op("The user likes figs")], summary: "s", title: "t", read })).toMatchObject({ added: 1 });
    expect(await getJobByKey(db(), { dedupeKey: memoryExtractKey(sessionId, 1) })).toMatchObject({ status: "pending", payload: { sessionId } });
    // The same run retried, or one that read from a point since passed, changes nothing.
    expect(await applyExtraction(db(), { userId: user.id, sessionId, operations: [op("The user likes figs")], summary: "s", title: "t", read })).toBeNull();
    expect(await applyExtraction(db(), { userId: user.id, sessionId, operations: [], summary: null, title: null, read: { processed: true, after: 0, through: 2 } })).toBeNull();
  });
});
