import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { embedText } from "@/e2e/gemini-double/extractor";
import { knowledgeChunks, knowledgeDocuments, memories, personas } from "../schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { exportAccountExtrasJson } from "./account-export";
import { exportSessionJson } from "./history-export";
import { createLiveSession } from "./live-sessions";
import { searchKnowledge } from "./knowledge-search";
import { recallCandidates } from "./memory-recall";
import { nearestRows, similarityPath, VECTOR_COLUMN_DIMENSIONS } from "./vector-search";

const DIM = VECTOR_COLUMN_DIMENSIONS;
const FACTS = [
  "The user's sister Anna lives in Lisbon",
  "The user is training for the Porto half marathon",
  "The user is allergic to peanuts",
  "The user's cat is called Miso",
  "The user works as a nurse at night",
  "The user prefers tea over coffee",
  "The user plays the cello on Sundays",
  "The user is learning Portuguese",
];

describeEachDriver("vector search (pgvector where the database has it, the exact scan elsewhere)", ({ db, driver }) => {
  it("takes pgvector on PGlite (its pgvector package) and the exact scan on Debian's PostgreSQL 15", async () => {
    expect(await similarityPath(db(), DIM)).toBe(driver === "pglite" ? "pgvector" : "exact");
    // Another size than the column's is always scanned exactly.
    expect(await similarityPath(db(), 64)).toBe("exact");
  });

  it("decodes the stored float32 bytes into the pgvector column exactly", async ({ skip }) => {
    if ((await similarityPath(db(), DIM)) !== "pgvector") return skip();
    const user = await createTestUser(db());
    const vector = embedText("exact decoding", DIM);
    vector[0] = -1.5e-40; // a subnormal float32
    vector[1] = 0;
    const [row] = await db().insert(memories).values({ userId: user.id, content: "x", embedding: vector }).returning({ id: memories.id });
    const result = (await db().execute(sql`select embedding_vec::text as v from memories where id = ${row!.id}`)) as unknown as { rows: { v: string }[] };
    // pgvector prints the shortest text that reads back as the same float32.
    const stored = (JSON.parse(result.rows[0]!.v) as number[]).map(Math.fround);
    expect(stored).toEqual(Array.from(Float32Array.from(vector)));
  });

  it("ranks the same rows in the same order on both paths, one user's rows only", async () => {
    const [ada, bob] = [await createTestUser(db()), await createTestUser(db())];
    await db().insert(memories).values(FACTS.map((content, i) => ({ userId: ada.id, content, importance: 0.3 + (i % 3) * 0.2, pinned: i === 7, embedding: embedText(content, DIM) })));
    // Bob holds the same facts: none of his may come back for Ada.
    await db().insert(memories).values(FACTS.map((content) => ({ userId: bob.id, content, embedding: embedText(content, DIM) })));
    const query = embedText("where does my sister Anna live", DIM);
    const options = {
      table: "memories" as const,
      scope: sql`${memories.userId} = ${ada.id}`,
      query,
      limit: 5,
      first: sql<boolean>`${memories.pinned}`,
      prior: sql<number>`${memories.importance} * 0.3`,
      similarityWeight: 0.7,
    };
    const exact = await nearestRows(db(), { ...options, path: "exact" });
    const auto = await nearestRows(db(), options);
    expect(auto.map((row) => row.id)).toEqual(exact.map((row) => row.id));
    auto.forEach((row, i) => expect(row.similarity).toBeCloseTo(exact[i]!.similarity!, 5));

    const recalled = await recallCandidates(db(), { userId: ada.id, query, limit: 3 });
    // Pinned first, then the sister (most similar).
    expect(recalled.map((memory) => memory.content)).toEqual([FACTS[7], FACTS[0], expect.any(String)]);
    const ids = new Set((await db().select({ id: memories.id }).from(memories).where(sql`${memories.userId} = ${ada.id}`)).map((row) => row.id));
    expect(recalled.every((memory) => ids.has(memory.id))).toBe(true);
  });

  it("finds the nearest knowledge passages alike on both paths; rows without an embedding are left out", async () => {
    const user = await createTestUser(db());
    const [persona] = await db().insert(personas).values({ userId: user.id, name: "Chef" }).returning({ id: personas.id });
    const [doc] = await db()
      .insert(knowledgeDocuments)
      .values({ userId: user.id, personaId: persona!.id, name: "menu.txt", mimeType: "text/plain", sizeBytes: 1, sha256: "vector-search", status: "ready" })
      .returning({ id: knowledgeDocuments.id });
    await db().insert(knowledgeChunks).values([
      ...FACTS.map((content, i) => ({ documentId: doc!.id, userId: user.id, personaId: persona!.id, ordinal: i, content, embedding: embedText(content, DIM) })),
      { documentId: doc!.id, userId: user.id, personaId: persona!.id, ordinal: 99, content: "no embedding", embedding: null },
    ]);
    const query = embedText("cello music", DIM);
    const scope = sql`${knowledgeChunks.userId} = ${user.id} and ${knowledgeChunks.personaId} = ${persona!.id}`;
    const exact = await nearestRows(db(), { table: "knowledge_chunks", scope, query, limit: 20, embeddedOnly: true, path: "exact" });
    const auto = await nearestRows(db(), { table: "knowledge_chunks", scope, query, limit: 20, embeddedOnly: true });
    expect(exact).toHaveLength(FACTS.length);
    expect(auto.map((row) => row.id)).toEqual(exact.map((row) => row.id));
    const [best] = await searchKnowledge(db(), { userId: user.id, personaId: persona!.id, query: "cello", vector: query });
    expect(best?.content).toBe(FACTS[6]);
  });

  it("leaves the pgvector column out of the exports (account and conversation)", async () => {
    const user = await createTestUser(db());
    const session = await createLiveSession(db(), { userId: user.id, values: { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" } });
    await db().insert(memories).values([
      { userId: user.id, content: "The user likes figs", embedding: embedText("figs", DIM) },
      { userId: user.id, sourceSessionId: session.id, content: "The user likes plums", embedding: embedText("plums", DIM) },
    ]);
    const json = await exportAccountExtrasJson(db(), { userId: user.id });
    expect(json).toContain("The user likes figs");
    expect(json).not.toContain("embedding_vec");
    const conversation = await exportSessionJson(db(), { userId: user.id, sessionId: session.id });
    expect(conversation).toContain("The user likes plums");
    expect(conversation).not.toMatch(/embedding_vec|summary_search_vector/);
  });
});
