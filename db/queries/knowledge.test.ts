import { createHash } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { eq } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { startGeminiDouble, TEST_GEMINI_KEY } from "@/e2e/gemini-double";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { knowledgeChunks } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
});

const { createPersona } = await import("./personas");
const { createDocument, deleteDocument, hasReadyDocuments, listDocuments } = await import("./knowledge");
const { getJobByKey } = await import("./jobs");
const { processDocument } = await import("@/lib/knowledge/process-job");
const { knowledgeProcessKey } = await import("@/lib/knowledge/limits");

const { key: _key, blurb: _blurb, ...values } = PERSONA_GALLERY[0]!;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const text = (s: string) => new TextEncoder().encode(s);

async function pdfOf(pages: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of pages) pdf.addPage([400, 300]).drawText(line, { x: 20, y: 250, size: 12, font });
  return pdf.save();
}

describeEachDriver("knowledge documents", ({ db }) => {
  async function setup() {
    const user = await createTestUser(db());
    const persona = await createPersona(db(), { userId: user.id, values: { ...values, name: "Chef" } });
    return { user, persona };
  }

  it("stores an upload once with its processing job, lists it, and another user gets 404 everywhere", async () => {
    const { user, persona } = await setup();
    const other = await createTestUser(db());
    const bytes = text("# Menu\nSoup of the day: lentil.");
    const input = { userId: user.id, personaId: persona.id, name: "menu.md", mimeType: "text/markdown" as const, bytes, sha256: sha(bytes) };
    const first = await createDocument(db(), input);
    const again = await createDocument(db(), input);
    expect(first.created).toBe(true);
    expect(again).toEqual({ document: first.document, created: false });
    expect((await getJobByKey(db(), { dedupeKey: knowledgeProcessKey(first.document.id) }))?.status).toBe("pending");
    expect((await listDocuments(db(), { userId: user.id, personaId: persona.id })).map((d) => [d.name, d.status])).toEqual([["menu.md", "processing"]]);

    await expect(listDocuments(db(), { userId: other.id, personaId: persona.id })).rejects.toMatchObject({ code: "not_found:persona" });
    await expect(createDocument(db(), { ...input, userId: other.id })).rejects.toMatchObject({ code: "not_found:persona" });
    await expect(deleteDocument(db(), { userId: other.id, documentId: first.document.id })).rejects.toMatchObject({ code: "not_found:knowledge" });
    await processDocument(db(), { userId: other.id, documentId: first.document.id });
    expect((await listDocuments(db(), { userId: user.id, personaId: persona.id }))[0]?.status).toBe("processing");
  });

  it("processes text and a PDF into embedded chunks with pages, fails scanned and corrupt PDFs with a reason, and deletes chunks", async () => {
    const double = await startGeminiDouble();
    try {
      const { user, persona } = await setup();
      const options = { baseUrl: double.url, serverKey: TEST_GEMINI_KEY };
      const add = async (name: string, mimeType: "text/plain" | "application/pdf", bytes: Uint8Array) =>
        (await createDocument(db(), { userId: user.id, personaId: persona.id, name, mimeType, bytes, sha256: sha(bytes) })).document.id;
      const notes = await add("notes.txt", "text/plain", text("Opening hours. ".repeat(120)));
      const menu = await add("Menu.pdf", "application/pdf", await pdfOf(["Starters: olives.", "", "Dessert: the lemon tart is made on Fridays."]));
      const blank = await add("scan.pdf", "application/pdf", await pdfOf(["", ""]));
      const broken = await add("broken.pdf", "application/pdf", text("%PDF-1.7\nthis is not really a pdf"));
      expect(await hasReadyDocuments(db(), { userId: user.id, personaId: persona.id })).toBe(false);
      for (const documentId of [notes, menu, blank, broken]) await processDocument(db(), { userId: user.id, documentId }, options);

      const docs = new Map((await listDocuments(db(), { userId: user.id, personaId: persona.id })).map((d) => [d.id, d]));
      expect(docs.get(notes)).toMatchObject({ status: "ready", failureReason: null });
      expect(docs.get(notes)!.chunkCount).toBeGreaterThan(2);
      expect(docs.get(menu)).toMatchObject({ status: "ready", chunkCount: 2 });
      expect(docs.get(blank)).toMatchObject({ status: "failed", failureReason: expect.stringContaining("scanned") });
      expect(docs.get(broken)).toMatchObject({ status: "failed", failureReason: expect.stringContaining("damaged") });
      const chunks = await db().select().from(knowledgeChunks).where(eq(knowledgeChunks.documentId, menu));
      expect(chunks.map((c) => [c.page, c.content]).sort()).toEqual([[1, "Starters: olives."], [3, "Dessert: the lemon tart is made on Fridays."]]);
      expect(chunks.every((c) => (c.embedding?.length ?? 0) > 0)).toBe(true);
      expect(await hasReadyDocuments(db(), { userId: user.id, personaId: persona.id })).toBe(true);

      // A retried job after success changes nothing; deleting removes the chunks.
      await processDocument(db(), { userId: user.id, documentId: menu }, options);
      expect(await db().select().from(knowledgeChunks).where(eq(knowledgeChunks.documentId, menu))).toHaveLength(2);
      await deleteDocument(db(), { userId: user.id, documentId: menu });
      expect(await db().select().from(knowledgeChunks).where(eq(knowledgeChunks.documentId, menu))).toHaveLength(0);
      await expect(deleteDocument(db(), { userId: user.id, documentId: menu })).rejects.toMatchObject({ code: "not_found:knowledge" });
    } finally {
      await double.close();
    }
  });
});
