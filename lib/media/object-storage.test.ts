import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { createRequire } from "node:module";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eraseAccount } from "@/db/queries/account-erasure";
import { createLiveSession } from "@/db/queries/live-sessions";
import { createPersona } from "@/db/queries/personas";
import { audioChunks, liveSessions, videoFrames } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { objectMediaStorage } from "./object-storage";
import { personaPictureStore } from "./persona-pictures";
import { s3Bucket, type S3Bucket } from "./s3-bucket";
import { postgresMediaStorage } from "./storage";

/* The object-store driver against s3rver, a local S3-compatible server that checks SigV4 signatures. */

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: true, micEnabled: true, systemInstruction: "" };
const personaValues = { name: "P", initials: "", color: "teal", voice: "Puck", language: "en-US", personality: "", instructions: "", usesMemory: true, affectiveDialog: false, proactiveAudio: false } as const;
const bytes = (seed: number, length: number) => Uint8Array.from({ length }, (_, i) => (seed * 10 + i) % 256);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(...next.value);
  return out;
}

// s3rver ships no types: the little of it used here.
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  store: { listObjects(bucket: string, options: { prefix: string; maxKeys: number }): Promise<{ objects: unknown[] }> };
}
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: Record<string, unknown>) => S3rverServer;

let server: S3rverServer;
let directory: string;
let bucket: S3Bucket;
const config = { bucket: "livemind-media", region: "auto", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), "livemind-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: config.bucket, configs: [] }] });
  const { port } = await server.run();
  bucket = s3Bucket({ ...config, endpoint: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

describeEachDriver("media storage (S3-compatible object store)", ({ db }) => {
  async function recordedSession() {
    const user = await createTestUser(db());
    const session = await createLiveSession(db(), { userId: user.id, values });
    return { userId: user.id, sessionId: session.id };
  }

  it("keeps the bytes in the bucket and the index in Postgres, and serves any byte range", async () => {
    const owner = await recordedSession();
    const storage = objectMediaStorage(db(), bucket);
    const segments = [bytes(0, 10), bytes(1, 6), bytes(2, 8)];
    for (const [n, data] of segments.entries()) {
      expect(await storage.putAudioSegment(owner, { sequenceNumber: n, mimeType: "audio/webm", startOffsetMs: n * 2000, durationMs: 2000, bytes: data })).toEqual({ stored: true });
    }
    const rows = await db().select().from(audioChunks).where(eq(audioChunks.sessionId, owner.sessionId));
    expect(rows.every((row) => row.data === null && row.storageUrl?.startsWith(`media/${owner.sessionId}/audio/`))).toBe(true);
    expect(await bucket.get(rows[0]!.storageUrl!)).not.toBeNull();

    const recording = await storage.getAudio(owner);
    expect(recording).toMatchObject({ byteLength: 24, durationMs: 6000 });
    const whole = segments.flatMap((data) => [...data]);
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 0, end: 23 }))).toEqual(whole);
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 8, end: 17 }))).toEqual(whole.slice(8, 18));
  });

  it("a retried upload stores one row and leaves no second object", async () => {
    const owner = await recordedSession();
    const storage = objectMediaStorage(db(), bucket);
    const segment = { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1000, bytes: bytes(3, 5) };
    const puts = await Promise.all([storage.putAudioSegment(owner, segment), storage.putAudioSegment(owner, segment)]);
    expect(puts.filter((put) => put.stored)).toHaveLength(1);
    const frame = { offsetMs: 1200, mimeType: "image/jpeg" as const, width: 2, height: 2, bytes: bytes(4, 7) };
    const first = await storage.putFrame(owner, frame);
    expect(await storage.putFrame(owner, frame)).toEqual({ id: first.id, stored: false });
    expect(await storage.getFrame(owner, first.id)).toEqual({ mimeType: "image/jpeg", bytes: frame.bytes });
    expect(await countObjects(owner.sessionId)).toBe(2);
  });

  it("refuses another user's conversation before writing a byte, and hides its frames", async () => {
    const owner = await recordedSession();
    const intruder = await createTestUser(db());
    const storage = objectMediaStorage(db(), bucket);
    const theirs = { userId: intruder.id, sessionId: owner.sessionId };
    await expect(storage.putAudioSegment(theirs, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: bytes(5, 3) })).rejects.toMatchObject({ code: "not_found:session" });
    const { id } = await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: bytes(6, 3) });
    await expect(storage.getFrame(theirs, id)).rejects.toMatchObject({ code: "not_found:media" });
    expect(await countObjects(owner.sessionId)).toBe(1);
  });

  it("deleting a conversation's media and the retention purge delete the objects too", async () => {
    const owner = await recordedSession();
    const storage = objectMediaStorage(db(), bucket);
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: bytes(7, 3) });
    await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: bytes(8, 3) });
    expect(await storage.deleteSession(owner)).toEqual({ audioSegments: 1, frames: 1 });
    expect(await countObjects(owner.sessionId)).toBe(0);

    const old = await recordedSession();
    await storage.putFrame(old, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: bytes(9, 3) });
    await db().update(videoFrames).set({ createdAt: new Date("2020-01-01T00:00:00Z") }).where(eq(videoFrames.sessionId, old.sessionId));
    expect(await storage.purgeExpired({ userId: old.userId })).toEqual({ audioSegments: 0, frames: 1 });
    expect(await countObjects(old.sessionId)).toBe(0);
  });

  it("erasing an account names every object it had, and those objects are then deleted", async () => {
    const owner = await recordedSession();
    const other = await recordedSession();
    const storage = objectMediaStorage(db(), bucket);
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1, bytes: bytes(3, 3) });
    await storage.putFrame(owner, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: bytes(4, 3) });
    await storage.putFrame(other, { offsetMs: 0, mimeType: "image/jpeg", width: null, height: null, bytes: bytes(5, 3) });
    const persona = await createPersona(db(), { userId: owner.userId, values: personaValues });
    await personaPictureStore(db(), bucket).put({ userId: owner.userId, personaId: persona.id }, { mimeType: "image/png", bytes: bytes(6, 8) });

    const { objectKeys } = await eraseAccount(db(), { userId: owner.userId });
    expect(objectKeys).toHaveLength(3);
    await storage.discardObjects(objectKeys);
    expect(await countObjects(owner.sessionId)).toBe(0);
    expect(await countObjects(persona.id, "personas")).toBe(0);
    // Another account's recording stays.
    expect(await countObjects(other.sessionId)).toBe(1);
  });

  it("still plays rows stored in Postgres before the switch", async () => {
    const owner = await recordedSession();
    await postgresMediaStorage(db()).putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, durationMs: 1000, bytes: bytes(1, 4) });
    const storage = objectMediaStorage(db(), bucket);
    await storage.putAudioSegment(owner, { sequenceNumber: 1, mimeType: "audio/webm", startOffsetMs: 1000, durationMs: 1000, bytes: bytes(2, 4) });
    const recording = await storage.getAudio(owner);
    expect(await readAll(storage.streamAudio(owner, recording!, { start: 0, end: 7 }))).toEqual([...bytes(1, 4), ...bytes(2, 4)]);
    await db().delete(liveSessions).where(eq(liveSessions.id, owner.sessionId));
  });
});

// The bucket's objects of one conversation (or persona), as the server holds them.
async function countObjects(id: string, folder: "media" | "personas" = "media"): Promise<number> {
  const found = await server.store.listObjects(config.bucket, { prefix: `${folder}/${id}/`, maxKeys: 1000 });
  return found.objects.length;
}
