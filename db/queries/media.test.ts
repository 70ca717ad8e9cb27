import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { audioChunks, liveSessions, userPreferences, videoFrames } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { postgresMediaStorage } from "@/lib/media/storage";
import { createLiveSession } from "./live-sessions";
import { getReplaySession } from "./replay";

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: true, micEnabled: true, systemInstruction: "Be brief." };
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];

/** Segment n: its own recognisable bytes (n*10, n*10+1, …). */
const segmentBytes = (n: number, length: number) => Uint8Array.from({ length }, (_, i) => (n === 0 && i < 4 ? EBML[i]! : (n * 10 + i) % 256));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(...next.value);
  return out;
}

describeEachDriver("media storage (Postgres)", ({ db }) => {
  async function recordedSession() {
    const user = await createTestUser(db());
    const session = await createLiveSession(db(), { userId: user.id, values });
    return { user, owner: { userId: user.id, sessionId: session.id } };
  }

  it("stores segments once each and serves the recording and any byte range of it", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    const segments = [segmentBytes(0, 10), segmentBytes(1, 6), segmentBytes(2, 8)];
    for (const [n, bytes] of segments.entries()) {
      const put = await storage.putAudioSegment(owner, { sequenceNumber: n, mimeType: "audio/webm;codecs=opus", startOffsetMs: 500 + n * 2000, durationMs: 2000, bytes });
      expect(put.stored).toBe(true);
    }
    // A retried upload stores nothing twice.
    expect(await storage.putAudioSegment(owner, { sequenceNumber: 1, mimeType: "audio/webm;codecs=opus", startOffsetMs: 2500, durationMs: 2000, bytes: segments[1]! })).toEqual({ stored: false });

    const recording = await storage.getAudio(owner);
    expect(recording).toMatchObject({ mimeType: "audio/webm;codecs=opus", byteLength: 24, startOffsetMs: 500, durationMs: 6000 });
    const whole = segments.flatMap((bytes) => [...bytes]);
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 0, end: 23 }))).toEqual(whole);
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 8, end: 17 }))).toEqual(whole.slice(8, 18));
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 23, end: 23 }))).toEqual([whole[23]]);
  });

  it("concurrent retries of one upload store it once: a segment per (session, number), a frame per (session, offset)", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    const segment = (n: number) => ({ sequenceNumber: n, mimeType: "audio/webm;codecs=opus", startOffsetMs: n * 3000, durationMs: 3000, bytes: segmentBytes(n, 8) });
    for (const n of [0, 1]) {
      const puts = await Promise.all(Array.from({ length: 6 }, () => storage.putAudioSegment(owner, segment(n))));
      expect(puts.filter((put) => put.stored), `segment ${n}`).toHaveLength(1);
    }
    const rows = await db().select({ n: audioChunks.sequenceNumber }).from(audioChunks).where(eq(audioChunks.sessionId, owner.sessionId));
    expect(rows.map((row) => row.n).sort()).toEqual([0, 1]);

    const frame = { offsetMs: 2000, mimeType: "image/jpeg" as const, width: 4, height: 3, bytes: Uint8Array.from([...JPEG, 7]) };
    const frames = await Promise.all(Array.from({ length: 6 }, () => storage.putFrame(owner, frame)));
    const stored = await storage.listFrames(owner);
    expect(stored.map((row) => row.offsetMs)).toEqual([2000]);
    // Every retry is answered with the one stored frame.
    expect(new Set(frames.map((put) => put.id))).toEqual(new Set([stored[0]!.id]));
  });

  it("a missing segment: the recording still holds every stored segment, and says where the gap is", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    const lengths = [10, 6, 7, 8];
    for (const n of [0, 1, 3]) {
      await storage.putAudioSegment(owner, { sequenceNumber: n, mimeType: "audio/webm", startOffsetMs: 500 + n * 3000, durationMs: 3000, bytes: segmentBytes(n, lengths[n]!) });
    }
    const recording = await storage.getAudio(owner);
    expect(recording).toMatchObject({ byteLength: 24, startOffsetMs: 500, durationMs: 12_000, gaps: [{ startOffsetMs: 6500, endOffsetMs: 9500 }] });
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 16, end: 23 }))).toEqual([...segmentBytes(3, 8)]);
  });

  it("refuses a later segment before segment 0 and a segment of another type", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    await expect(storage.putAudioSegment(owner, { sequenceNumber: 1, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(1, 4) })).rejects.toMatchObject({ code: "conflict:media", status: 409 });
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(0, 4) });
    await expect(storage.putAudioSegment(owner, { sequenceNumber: 1, mimeType: "audio/ogg", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(1, 4) })).rejects.toMatchObject({ code: "bad_request:media" });
  });

  it("keeps frames in time order and reads one back", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    const late = await storage.putFrame(owner, { offsetMs: 3000, mimeType: "image/jpeg", width: 4, height: 3, bytes: Uint8Array.from([...JPEG, 2]) });
    await storage.putFrame(owner, { offsetMs: 1000, mimeType: "image/jpeg", width: 4, height: 3, bytes: Uint8Array.from([...JPEG, 1]) });
    expect((await storage.listFrames(owner)).map((frame) => frame.offsetMs)).toEqual([1000, 3000]);
    const frame = await storage.getFrame(owner, late.id);
    expect(frame.mimeType).toBe("image/jpeg");
    expect([...frame.bytes]).toEqual([...JPEG, 2]);
  });

  it("answers 404 to another user for every read and write", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(0, 6) });
    const { id: frameId } = await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: Uint8Array.from(JPEG) });
    const mallory = await createTestUser(db());
    const stranger = { userId: mallory.id, sessionId: owner.sessionId };
    const notFound = { status: 404 };
    await expect(storage.getAudio(stranger)).rejects.toMatchObject(notFound);
    await expect(storage.listFrames(stranger)).rejects.toMatchObject(notFound);
    await expect(storage.getFrame(stranger, frameId)).rejects.toMatchObject(notFound);
    await expect(storage.putAudioSegment(stranger, { sequenceNumber: 1, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(1, 4) })).rejects.toMatchObject(notFound);
    await expect(storage.putFrame(stranger, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: Uint8Array.from(JPEG) })).rejects.toMatchObject(notFound);
    await expect(storage.deleteSession(stranger)).rejects.toMatchObject(notFound);
    await expect(getReplaySession(db(), stranger)).rejects.toMatchObject(notFound);
    // Even the stream: the recording's index read by its owner does not open another user's bytes.
    const recording = await storage.getAudio(owner);
    const stream = storage.streamAudio(stranger, recording!, { start: 0, end: 5 });
    await expect(readAll(stream)).rejects.toMatchObject(notFound);
    expect((await storage.getAudio(owner))?.byteLength).toBe(6);
  });

  it("purges media older than each owner's retention, for one user or everyone", async () => {
    const now = new Date("2031-06-30T12:00:00Z");
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const short = await recordedSession();
    await db().insert(userPreferences).values({ userId: short.user.id, mediaRetentionDays: 7, saveAudio: true });
    const standard = await recordedSession();
    const storage = postgresMediaStorage(db());
    for (const { owner } of [short, standard]) {
      await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(0, 4) });
      await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: Uint8Array.from(JPEG) });
      await storage.putFrame(owner, { offsetMs: 1000, mimeType: "image/jpeg", width: null, height: null, bytes: Uint8Array.from(JPEG) });
    }
    // Ten days old: past the 7-day retention, within the default 30.
    await db().update(audioChunks).set({ createdAt: days(10) });
    const [oldFrame] = await storage.listFrames(short.owner);
    await db().update(videoFrames).set({ createdAt: days(10) });
    await db().update(videoFrames).set({ createdAt: days(1) }).where(eq(videoFrames.offsetMs, 1000));

    expect(await storage.purgeExpired({ userId: standard.user.id, now })).toEqual({ audioSegments: 0, frames: 0 });
    expect(await storage.purgeExpired({ now })).toEqual({ audioSegments: 1, frames: 1 });
    expect(await storage.getAudio(short.owner)).toBeNull();
    await expect(storage.getFrame(short.owner, oldFrame!.id)).rejects.toMatchObject({ status: 404 });
    expect((await storage.listFrames(short.owner)).map((frame) => frame.offsetMs)).toEqual([1000]);
    expect(await storage.getAudio(standard.owner)).not.toBeNull();

    // Forty days: past the default too, and purging one user leaves the others alone.
    await db().update(audioChunks).set({ createdAt: days(40) });
    expect(await storage.purgeExpired({ userId: short.user.id, now })).toEqual({ audioSegments: 0, frames: 0 });
    expect(await storage.purgeExpired({ userId: standard.user.id, now })).toEqual({ audioSegments: 1, frames: 0 });
    expect(await storage.getAudio(standard.owner)).toBeNull();
  });

  it("deleting a session takes its media with it; deleting media keeps the session", async () => {
    const { owner } = await recordedSession();
    const storage = postgresMediaStorage(db());
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(0, 4) });
    await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: Uint8Array.from(JPEG) });
    expect(await storage.deleteSession(owner)).toEqual({ audioSegments: 1, frames: 1 });
    expect((await getReplaySession(db(), owner)).session.id).toBe(owner.sessionId);

    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: segmentBytes(0, 4) });
    await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: Uint8Array.from(JPEG) });
    await db().delete(liveSessions).where(eq(liveSessions.id, owner.sessionId));
    expect(await db().select().from(audioChunks).where(eq(audioChunks.sessionId, owner.sessionId))).toEqual([]);
    expect(await db().select().from(videoFrames).where(eq(videoFrames.sessionId, owner.sessionId))).toEqual([]);
  });
});
