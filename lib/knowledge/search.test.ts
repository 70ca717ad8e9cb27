import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import { acting } from "@/db/test/acting-user";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
});
vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { env } = await import("@/lib/env");
const { createPersona } = await import("@/db/queries/personas");
const { createDocument } = await import("@/db/queries/knowledge");
const { searchKnowledge } = await import("@/db/queries/knowledge-search");
const { createLiveSession } = await import("@/db/queries/live-sessions");
const { listToolCalls } = await import("@/db/queries/memory-tool-calls");
const { processDocument } = await import("./process-job");
const { POST } = await import("@/app/api/live/sessions/[id]/tools/route");

const { key: _key, blurb: _blurb, ...values } = PERSONA_GALLERY[0]!;
const sessionValues = { model: "m", voice: "Puck", cameraEnabled: false, micEnabled: true, systemInstruction: "" };
let double: GeminiDouble;
const saved = { baseUrl: env.GEMINI_API_BASE_URL, serverKey: env.GEMINI_API_KEY };
beforeAll(async () => {
  double = await startGeminiDouble();
  Object.assign(env, { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: TEST_GEMINI_KEY });
});
afterAll(async () => {
  Object.assign(env, { GEMINI_API_BASE_URL: saved.baseUrl, GEMINI_API_KEY: saved.serverKey });
  await double.close();
});

describeEachDriver("search_knowledge", ({ db }) => {
  async function personaWith(userId: string, name: string, docs: Record<string, string>) {
    const persona = await createPersona(db(), { userId, values: { ...values, name } });
    for (const [docName, content] of Object.entries(docs)) {
      const bytes = new TextEncoder().encode(content);
      const { document } = await createDocument(db(), { userId, personaId: persona.id, name: docName, mimeType: "text/markdown", bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
      await processDocument(db(), { userId, documentId: document.id }, { baseUrl: double.url, serverKey: TEST_GEMINI_KEY });
    }
    return persona.id;
  }

  it("finds passages by words and meaning in the persona's own documents only, and the tool route answers with sources", async () => {
    const user = await createTestUser(db());
    const other = await createTestUser(db());
    const chef = await personaWith(user.id, "Chef", { "menu.md": "The lemon tart is baked on Fridays.", "hours.md": "We open at nine and close at midnight." });
    const coach = await personaWith(user.id, "Coach", { "plan.md": "Run five kilometres on Monday; the lemon water helps." });
    await personaWith(other.id, "Theirs", { "secret.md": "The lemon tart recipe is secret." });

    const hits = await searchKnowledge(db(), { userId: user.id, personaId: chef, query: "lemon tart", vector: null });
    expect(hits.map((h) => h.documentName)).toEqual(["menu.md"]);
    expect(await searchKnowledge(db(), { userId: other.id, personaId: chef, query: "lemon tart", vector: null })).toEqual([]);

    acting.db = db();
    acting.userId = user.id;
    const session = await createLiveSession(db(), { userId: user.id, values: { ...sessionValues, personaId: chef } });
    const post = (id: string, body: unknown) => POST(new Request("http://localhost/x", { method: "POST", body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
    const answer = await post(session.id, { id: "k1", name: "search_knowledge", args: { query: "When is the lemon tart baked?" } });
    expect(answer.status).toBe(200);
    const { passages } = (await answer.json()) as { passages: Array<{ id: string; document: string; page: number | null; text: string }> };
    expect(passages[0]).toEqual({ id: hits[0]!.chunkId, document: "menu.md", page: null, text: "The lemon tart is baked on Fridays." });
    expect(passages.map((p) => p.document)).not.toContain("plan.md");
    const [call] = await listToolCalls(db(), { userId: user.id, sessionId: session.id });
    expect(call?.summary).toMatch(/^Looked it up from menu\.md/);
    // The cited passages are kept by id (never their text), so the replay can open them.
    expect(call?.sources?.[0]).toEqual({ chunkId: hits[0]!.chunkId, document: "menu.md", page: null });
    expect(JSON.stringify(call?.sources)).not.toContain("lemon");
    expect(coach).toBeTruthy();

    const theirs = await createLiveSession(db(), { userId: other.id, values: { ...sessionValues, personaId: null } });
    expect((await post(theirs.id, { name: "search_knowledge", args: { query: "lemon" } })).status).toBe(404);
    expect((await post(session.id, { name: "search_knowledge", args: { query: "" } })).status).toBe(400);
  });
});
