import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { knowledgeChunks } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { createPersona } = await import("@/db/queries/personas");
const { createDocument, deleteDocument, getKnowledgePassage, markDocumentReady } = await import("@/db/queries/knowledge");
const { GET } = await import("./route");

const { key: _key, blurb: _blurb, ...values } = PERSONA_GALLERY[0]!;
const get = (chunkId: string) => GET(new Request("http://localhost/x"), { params: Promise.resolve({ chunkId }) });

describeEachDriver("/api/knowledge/passages/:chunkId", ({ db }) => {
  let owner: string;
  let documentId: string;
  let chunkIds: string[];
  beforeEach(async () => {
    acting.db = db();
    owner = acting.userId = (await createTestUser(db())).id;
    const persona = await createPersona(db(), { userId: owner, values: { ...values, name: "Chef" } });
    const bytes = new TextEncoder().encode(`menu ${persona.id}`);
    const { document } = await createDocument(db(), { userId: owner, personaId: persona.id, name: "Menu.pdf", mimeType: "application/pdf", bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
    documentId = document.id;
    await markDocumentReady(db(), {
      userId: owner,
      documentId,
      chunks: [
        { ordinal: 0, page: 1, content: "Soups: lentil, tomato.", embedding: [1, 0] },
        { ordinal: 1, page: 3, content: "The lemon tart is baked every Friday.", embedding: [0, 1] },
      ],
    });
    chunkIds = (await db().select({ id: knowledgeChunks.id }).from(knowledgeChunks).where(eq(knowledgeChunks.documentId, documentId)).orderBy(knowledgeChunks.ordinal)).map((r) => r.id);
  });

  it("answers the caller's passage with its document name and page", async () => {
    const response = await get(chunkIds[1]!);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ passage: { chunkId: chunkIds[1], documentName: "Menu.pdf", page: 3, content: "The lemon tart is baked every Friday." } });
    expect(await getKnowledgePassage(db(), { userId: owner, chunkId: chunkIds[0]! })).toMatchObject({ page: 1, content: "Soups: lentil, tomato." });
  });

  it("answers 404 for another user's passage (an admin's too), a malformed or unknown id, and a deleted document; 401 signed out", async () => {
    acting.userId = (await createTestUser(db(), { role: "admin" })).id;
    const stranger = await get(chunkIds[1]!);
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(await stranger.json())).not.toContain("lemon");
    await expect(getKnowledgePassage(db(), { userId: acting.userId, chunkId: chunkIds[1]! })).rejects.toMatchObject({ code: "not_found:knowledge" });
    acting.userId = owner;
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    await deleteDocument(db(), { userId: owner, documentId });
    expect((await get(chunkIds[1]!)).status).toBe(404);
    acting.userId = null;
    expect((await get(chunkIds[0]!)).status).toBe(401);
  });
});
