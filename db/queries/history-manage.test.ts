import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { audioChunks, liveSessions, sessionAnalytics, transcriptions, videoFrames } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { deleteConversations } from "@/lib/history/delete";
import type { TurnInput } from "@/lib/live/contract";
import { postgresMediaStorage } from "@/lib/media/storage";
import { listSessionHistory } from "./history";
import { renameSession } from "./history-manage";
import { createLiveSession, endLiveSession, markLiveSessionActive } from "./live-sessions";
import { appendTurns } from "./transcripts";

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: true, micEnabled: true, systemInstruction: "Be brief." };
const NOT_FOUND = { code: "not_found:session", status: 404 };

const turn = (sequenceNumber: number, text: string): TurnInput => ({
  sequenceNumber,
  sender: sequenceNumber % 2 === 0 ? "user" : "model",
  text,
  startOffsetMs: sequenceNumber * 1000,
  endOffsetMs: sequenceNumber * 1000 + 800,
  latencyMs: sequenceNumber % 2 === 0 ? null : 300,
  interrupted: false,
  inputTokens: null,
  outputTokens: null,
});

describeEachDriver("rename and delete conversations", ({ db }) => {
  /** A conversation through the real path: turns, recorded audio and frames, ended with analytics. */
  async function recordedConversation(userId: string, startedAt: Date) {
    const session = await createLiveSession(db(), { userId, values, now: startedAt });
    await markLiveSessionActive(db(), { userId, sessionId: session.id, now: startedAt });
    await appendTurns(db(), { userId, sessionId: session.id, turns: [turn(0, "Plan my garden"), turn(1, "Start with tomatoes.")] });
    const storage = postgresMediaStorage(db());
    const owner = { userId, sessionId: session.id };
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1000, bytes: Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 1) });
    await storage.putFrame(owner, { offsetMs: 500, mimeType: "image/jpeg", width: 2, height: 2, bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) });
    await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED", now: new Date(startedAt.getTime() + 5000) });
    return session.id;
  }

  async function leftOver(sessionIds: string[]) {
    const count = async (table: typeof transcriptions | typeof audioChunks | typeof videoFrames) =>
      (await db().select({ id: table.id }).from(table).where(inArray(table.sessionId, sessionIds))).length;
    return {
      sessions: (await db().select({ id: liveSessions.id }).from(liveSessions).where(inArray(liveSessions.id, sessionIds))).length,
      turns: await count(transcriptions),
      analytics: (await db().select({ id: sessionAnalytics.sessionId }).from(sessionAnalytics).where(inArray(sessionAnalytics.sessionId, sessionIds))).length,
      audio: await count(audioChunks),
      frames: await count(videoFrames),
    };
  }

  it("renames the owner's conversation; an empty title goes back to the first line", async () => {
    const user = await createTestUser(db());
    const id = await recordedConversation(user.id, new Date("2030-01-01T10:00:00Z"));
    expect(await renameSession(db(), { userId: user.id, sessionId: id, title: "  Garden plans  " })).toEqual({ id, title: "Garden plans" });
    expect((await listSessionHistory(db(), { userId: user.id })).items[0]).toMatchObject({ title: "Garden plans", firstLine: "Plan my garden" });
    expect(await renameSession(db(), { userId: user.id, sessionId: id, title: "" })).toEqual({ id, title: null });
  });

  it("refuses to rename another user's conversation or an unknown one, changing nothing", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const id = await recordedConversation(alice.id, new Date("2030-01-02T10:00:00Z"));
    await renameSession(db(), { userId: alice.id, sessionId: id, title: "Mine" });
    await expect(renameSession(db(), { userId: bob.id, sessionId: id, title: "Taken" })).rejects.toMatchObject(NOT_FOUND);
    await expect(renameSession(db(), { userId: alice.id, sessionId: "00000000-0000-4000-8000-000000000000", title: "x" })).rejects.toMatchObject(NOT_FOUND);
    const [row] = await db().select({ title: liveSessions.title }).from(liveSessions).where(eq(liveSessions.id, id));
    expect(row?.title).toBe("Mine");
  });

  it("deletes one or several conversations with their turns, analytics and media", async () => {
    const user = await createTestUser(db());
    const [a, b, keep] = [
      await recordedConversation(user.id, new Date("2030-01-03T10:00:00Z")),
      await recordedConversation(user.id, new Date("2030-01-04T10:00:00Z")),
      await recordedConversation(user.id, new Date("2030-01-05T10:00:00Z")),
    ];
    expect(await leftOver([a, b])).toEqual({ sessions: 2, turns: 4, analytics: 2, audio: 2, frames: 2 });

    expect((await deleteConversations(db(), { userId: user.id, sessionIds: [a, b, a] })).deleted.sort()).toEqual([a, b].sort());
    expect(await leftOver([a, b])).toEqual({ sessions: 0, turns: 0, analytics: 0, audio: 0, frames: 0 });
    expect(await leftOver([keep])).toEqual({ sessions: 1, turns: 2, analytics: 1, audio: 1, frames: 1 });
  });

  it("deletes nothing when any of the ids is another user's", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const alices = await recordedConversation(alice.id, new Date("2030-01-06T10:00:00Z"));
    const bobs = await recordedConversation(bob.id, new Date("2030-01-06T11:00:00Z"));
    await expect(deleteConversations(db(), { userId: bob.id, sessionIds: [alices] })).rejects.toMatchObject(NOT_FOUND);
    await expect(deleteConversations(db(), { userId: bob.id, sessionIds: [bobs, alices] })).rejects.toMatchObject(NOT_FOUND);
    expect(await leftOver([alices])).toEqual({ sessions: 1, turns: 2, analytics: 1, audio: 1, frames: 1 });
    expect(await leftOver([bobs])).toEqual({ sessions: 1, turns: 2, analytics: 1, audio: 1, frames: 1 });
  });
});
