import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { createPersona } = await import("@/db/queries/personas");
const { GET, POST } = await import("./route");
const { DELETE } = await import("./[documentId]/route");

const { key: _key, blurb: _blurb, ...values } = PERSONA_GALLERY[0]!;
const upload = (personaId: string, name: string, bytes: Uint8Array | string) => {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], name));
  return POST(new Request("http://localhost/x", { method: "POST", body: form }), { params: Promise.resolve({ id: personaId }) });
};

describeEachDriver(
  "/api/personas/:id/documents",
  ({ db }) => {
    let personaId: string;
    beforeEach(async () => {
      acting.db = db();
      acting.userId = (await createTestUser(db())).id;
      personaId = (await createPersona(db(), { userId: acting.userId, values: { ...values, name: "Chef" } })).id;
    });

    it("uploads a Markdown file once, lists it, deletes it", async () => {
      const first = await upload(personaId, "menu.md", "# Menu\nLentil soup.");
      expect(first.status).toBe(201);
      expect((await upload(personaId, "menu.md", "# Menu\nLentil soup.")).status).toBe(200);
      const list = await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: personaId }) });
      const { documents } = (await list.json()) as { documents: Array<{ id: string; name: string; status: string }> };
      expect(documents.map((d) => [d.name, d.status])).toEqual([["menu.md", "processing"]]);
      const remove = (id: string) => DELETE(new Request("http://localhost/x", { method: "DELETE" }), { params: Promise.resolve({ id: personaId, documentId: id }) });
      expect((await remove(documents[0]!.id)).status).toBe(204);
      expect((await remove(documents[0]!.id)).status).toBe(404);
    });

    it("refuses empty, disguised, unknown and oversized files with a clear 4xx, and another user's persona with 404", async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const cases: Array<[string, Uint8Array | string, number, string]> = [
        ["empty.txt", "", 400, "empty"],
        ["blank.md", "  \n ", 400, "empty"],
        ["photo.pdf", png, 415, "not a PDF"],
        ["photo.txt", png, 415, "not plain text"],
        ["sheet.docx", "hello", 415, ".txt, .md or .pdf"],
        ["huge.txt", new Uint8Array(10 * 1024 * 1024 + 1).fill(97), 413, "10 MB"],
      ];
      for (const [name, bytes, status, message] of cases) {
        const response = await upload(personaId, name, bytes);
        expect([name, response.status]).toEqual([name, status]);
        expect(((await response.json()) as { message: string }).message).toContain(message);
      }
      const bad = await POST(new Request("http://localhost/x", { method: "POST", body: "x" }), { params: Promise.resolve({ id: personaId }) });
      expect(bad.status).toBe(400);
      const other = await createTestUser(db());
      const theirs = (await createPersona(db(), { userId: other.id, values: { ...values, name: "Theirs" } })).id;
      expect((await upload(theirs, "menu.md", "# Menu")).status).toBe(404);
      expect((await upload("not-a-uuid", "menu.md", "# Menu")).status).toBe(404);
      expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: theirs }) })).status).toBe(404);
    });
  },
  { drivers: ["pglite"] },
);
