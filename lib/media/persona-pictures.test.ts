import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPersona, duplicatePersona, getPersona, listPersonas } from "@/db/queries/personas";
import { personaPictures } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { personaPictureStore } from "./persona-pictures";
import { s3Bucket, type S3Bucket } from "./s3-bucket";

/* Persona pictures in Postgres (the default) and in an S3-compatible bucket (s3rver), on every driver. */

interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  store: { listObjects(bucket: string, options: { prefix: string; maxKeys: number }): Promise<{ objects: unknown[] }> };
}
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: Record<string, unknown>) => S3rverServer;

let server: S3rverServer;
let directory: string;
let bucket: S3Bucket;
const config = { bucket: "livemind-pictures", region: "auto", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const objectsOf = async (personaId: string) => (await server.store.listObjects(config.bucket, { prefix: `personas/${personaId}/`, maxKeys: 100 })).objects.length;

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), "livemind-pictures-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: config.bucket, configs: [] }] });
  const { port } = await server.run();
  bucket = s3Bucket({ ...config, endpoint: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

const { key: _key, blurb: _blurb, ...values } = PERSONA_GALLERY[0]!;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describeEachDriver("persona pictures", ({ db }) => {
  async function persona() {
    const { id: userId } = await createTestUser(db());
    const { id: personaId } = await createPersona(db(), { userId, values });
    return { userId, personaId };
  }

  it("keeps the bytes in Postgres by default: put, replace, read, list with a version, remove", async () => {
    const owner = await persona();
    const store = personaPictureStore(db(), null);
    const first = await store.put(owner, { mimeType: "image/png", bytes: PNG });
    const read = await store.get(owner);
    expect({ ...read, bytes: [...read.bytes] }).toEqual({ mimeType: "image/png", bytes: [...PNG], version: first.version });
    const second = await store.put(owner, { mimeType: "image/jpeg", bytes: JPEG });
    expect(await store.get(owner)).toMatchObject({ mimeType: "image/jpeg" });
    const rows = await db().select().from(personaPictures).where(eq(personaPictures.personaId, owner.personaId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: owner.userId, byteSize: JPEG.byteLength, storageUrl: null });
    expect((await listPersonas(db(), { userId: owner.userId }))[0]!.pictureVersion).toBe(second.version);
    // A duplicate does not share the picture.
    expect((await duplicatePersona(db(), owner)).pictureVersion).toBeNull();
    await store.remove(owner);
    await expect(store.get(owner)).rejects.toMatchObject({ code: "not_found:persona" });
    expect((await getPersona(db(), owner)).pictureVersion).toBeNull();
  });

  it("never reads, writes or removes another user's picture", async () => {
    const owner = await persona();
    const other = await createTestUser(db());
    const store = personaPictureStore(db(), null);
    await store.put(owner, { mimeType: "image/png", bytes: PNG });
    const stranger = { userId: other.id, personaId: owner.personaId };
    await expect(store.get(stranger)).rejects.toMatchObject({ code: "not_found:persona" });
    await expect(store.put(stranger, { mimeType: "image/jpeg", bytes: JPEG })).rejects.toMatchObject({ code: "not_found:persona" });
    await expect(store.remove(stranger)).rejects.toMatchObject({ code: "not_found:persona" });
    await expect(store.deletePersona(stranger)).rejects.toMatchObject({ code: "not_found:persona" });
    expect(await store.get(owner)).toMatchObject({ mimeType: "image/png" });
  });

  it("in an object store: one object per picture, the replaced one deleted, all gone with the persona", async () => {
    const owner = await persona();
    const store = personaPictureStore(db(), bucket);
    await store.put(owner, { mimeType: "image/png", bytes: PNG });
    await store.put(owner, { mimeType: "image/jpeg", bytes: JPEG });
    expect(await objectsOf(owner.personaId)).toBe(1);
    const [row] = await db().select().from(personaPictures).where(eq(personaPictures.personaId, owner.personaId));
    expect(row?.data).toBeNull();
    expect(row?.storageUrl).toMatch(new RegExp(`^personas/${owner.personaId}/picture-`));
    expect(await store.get(owner)).toMatchObject({ mimeType: "image/jpeg" });

    expect(await store.deletePersona(owner)).toEqual({ personaId: owner.personaId });
    expect(await objectsOf(owner.personaId)).toBe(0);
    expect(await db().select().from(personaPictures).where(eq(personaPictures.personaId, owner.personaId))).toEqual([]);
    await expect(getPersona(db(), owner)).rejects.toMatchObject({ code: "not_found:persona" });
  });

  it("deleting a persona deletes its picture row in Postgres too", async () => {
    const owner = await persona();
    const store = personaPictureStore(db(), null);
    await store.put(owner, { mimeType: "image/png", bytes: PNG });
    await store.deletePersona(owner);
    expect(await db().select().from(personaPictures).where(eq(personaPictures.personaId, owner.personaId))).toEqual([]);
  });
});
