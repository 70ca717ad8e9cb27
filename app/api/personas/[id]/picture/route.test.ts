import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { createPersona, getPersona } = await import("@/db/queries/personas");
const { GET, PUT, DELETE } = await import("./route");

const { key: _key, blurb: _blurb, ...values } = PERSONA_GALLERY[0]!;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const WEBP = new Uint8Array([...new TextEncoder().encode("RIFF"), 8, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const put = (id: string, body: BodyInit | null, headers: Record<string, string> = {}) => PUT(new Request("http://localhost/x", { method: "PUT", body, headers }), params(id));
const get = (id: string) => GET(new Request("http://localhost/x"), params(id));
const remove = (id: string) => DELETE(new Request("http://localhost/x", { method: "DELETE" }), params(id));

describeEachDriver("/api/personas/:id/picture", ({ db }) => {
  let personaId: string;
  beforeEach(async () => {
    acting.db = db();
    acting.userId = (await createTestUser(db())).id;
    personaId = (await createPersona(db(), { userId: acting.userId, values: { ...values, name: "Chef" } })).id;
  });

  it("stores a PNG, serves it with its sniffed type and nosniff, replaces it with a WebP and removes it", async () => {
    const first = await put(personaId, PNG, { "content-type": "image/svg+xml" });
    expect(first.status).toBe(200);
    const { url, version } = (await first.json()) as { url: string; version: number };
    expect(url).toBe(`/api/personas/${personaId}/picture?v=${version}`);
    expect((await getPersona(db(), { userId: acting.userId!, personaId })).pictureVersion).toBe(version);

    const served = await get(personaId);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    expect((await put(personaId, WEBP)).status).toBe(200);
    const replaced = await get(personaId);
    expect(replaced.headers.get("content-type")).toBe("image/webp");
    expect(new Uint8Array(await replaced.arrayBuffer())).toEqual(WEBP);

    expect((await remove(personaId)).status).toBe(204);
    expect((await get(personaId)).status).toBe(404);
    expect((await remove(personaId)).status).toBe(404);
    expect((await getPersona(db(), { userId: acting.userId!, personaId })).pictureVersion).toBeNull();
  });

  it("refuses SVG, HTML, GIF, empty and oversized uploads with a clear 4xx and stores nothing", async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const cases: Array<[Uint8Array, number, string]> = [
      [text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, "PNG, JPEG or WebP"],
      [text("<!doctype html><p>hi"), 415, "PNG, JPEG or WebP"],
      [text("GIF89a\x01\x00"), 415, "PNG, JPEG or WebP"],
      [new Uint8Array(0), 400, "empty"],
      [new Uint8Array(2 * 1024 * 1024 + 1).fill(0xff), 413, "2 MB"],
    ];
    for (const [body, status, message] of cases) {
      const response = await put(personaId, body as BodyInit, { "content-type": "image/png" });
      expect(response.status, message).toBe(status);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    expect((await get(personaId)).status).toBe(404);
  });

  it("answers 404 for another user's persona (an admin too) and for a malformed id, and 401 signed out", async () => {
    expect((await put(personaId, PNG)).status).toBe(200);
    const owner = acting.userId;
    acting.userId = (await createTestUser(db(), { role: "admin" })).id;
    expect((await get(personaId)).status).toBe(404);
    expect((await put(personaId, PNG)).status).toBe(404);
    expect((await remove(personaId)).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(404);
    acting.userId = null;
    expect((await get(personaId)).status).toBe(401);
    acting.userId = owner;
    expect((await get(personaId)).status).toBe(200);
  });
});
