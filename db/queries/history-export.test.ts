import { eq, getTableColumns, sql, type Table } from "drizzle-orm";
import { expect, it } from "vitest";
import { audioChunks, liveSessions, memories, personas, sessionAnalytics, transcriptions, videoFrames } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { exportJsonStream, type ExportFile } from "@/lib/history/export-format";
import { sessionMarkdown } from "@/lib/history/markdown";
import type { TurnInput } from "@/lib/live/contract";
import { postgresMediaStorage } from "@/lib/media/storage";
import { exportAccountExtrasJson } from "./account-export";
import { exportAllSessionsJson, exportSessionJson } from "./history-export";
import { createDocument } from "./knowledge";
import { renameSession } from "./history-manage";
import { createLiveSession, endLiveSession, markLiveSessionActive } from "./live-sessions";
import { appendTurns } from "./transcripts";

const turns: TurnInput[] = [
  { sequenceNumber: 0, sender: "user", text: "What's a good name for a cat?", startOffsetMs: 400, endOffsetMs: 2100, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null },
  { sequenceNumber: 1, sender: "model", text: "How about Miso?\n# not a heading", startOffsetMs: 2600, endOffsetMs: 4000, latencyMs: 512, interrupted: true, inputTokens: 31, outputTokens: 12, heardMs: 900 },
  { sequenceNumber: 2, sender: "user", text: "Miso it is — ünïcödé & <b>tags</b>", startOffsetMs: 4500, endOffsetMs: 6000, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null },
];

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/**
 * Every column of `table` in the exported object equals the stored row: same keys (the table's
 * columns, minus those the export leaves out) and same values, timestamps to the microsecond.
 */
function expectSameRow(table: Table, exported: Record<string, unknown>, row: Record<string, unknown>, micros: Record<string, string>, omitted: string[] = []) {
  const columns = Object.entries(getTableColumns(table)).filter(([, column]) => !omitted.includes(column.name));
  expect(Object.keys(exported).sort()).toEqual(columns.map(([, column]) => column.name).sort());
  for (const [key, column] of columns) {
    const value = exported[column.name];
    const stored = row[key];
    if (stored instanceof Date) {
      expect(typeof value, column.name).toBe("string");
      expect(new Date(value as string).getTime(), column.name).toBe(stored.getTime());
      expect(toMicros(value as string), column.name).toBe(micros[column.name]);
    } else {
      expect(value, column.name).toEqual(stored);
    }
  }
}

/** "2030-01-01T10:00:00.123456+00:00" → "1893492000123456", whatever the offset shown. */
function toMicros(iso: string): string {
  const match = /\.(\d{1,6})/.exec(iso);
  const fraction = (match?.[1] ?? "").padEnd(6, "0");
  return `${Math.floor(Date.parse(iso.replace(/\.\d+/, "")) / 1000)}${fraction}`;
}

describeEachDriver("conversation export", ({ db }) => {
  async function fullConversation(userId: string) {
    const [persona] = await db().insert(personas).values({ userId, name: "Pet namer", voice: "Kore", systemInstruction: "Suggest names." }).returning();
    const startedAt = new Date("2030-07-01T09:30:00.250Z");
    const session = await createLiveSession(db(), { userId, values: { model: "gemini-live-x", voice: "Kore", personaId: persona!.id, cameraEnabled: true, micEnabled: true, systemInstruction: "Suggest names." }, now: startedAt });
    await markLiveSessionActive(db(), { userId, sessionId: session.id, now: startedAt });
    await appendTurns(db(), { userId, sessionId: session.id, turns });
    const storage = postgresMediaStorage(db());
    const owner = { userId, sessionId: session.id };
    await storage.putAudioSegment(owner, { sequenceNumber: 0, mimeType: "audio/webm;codecs=opus", startOffsetMs: 0, durationMs: 5000, bytes: Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 9) });
    await storage.putFrame(owner, { offsetMs: 1000, mimeType: "image/jpeg", width: 4, height: 3, bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) });
    await endLiveSession(db(), { userId, sessionId: session.id, status: "ENDED", stats: { audioSeconds: 5.5, videoFrameCount: 1, errorCount: 0, resumptions: 2 }, now: new Date(startedAt.getTime() + 61_000) });
    await renameSession(db(), { userId, sessionId: session.id, title: "Cat names" });
    // A timestamp with microseconds, as defaultNow() writes them: the export must keep them.
    await db().execute(sql`update live_sessions set updated_at = '2030-07-01T09:31:02.123456Z' where id = ${session.id}`);
    return session.id;
  }

  async function microsOf(tableName: string, where: string, id: string): Promise<Record<string, string>[]> {
    const result = await db().execute(sql`select to_jsonb(x) as j from (select * from ${sql.identifier(tableName)} where ${sql.identifier(where)} = ${id}) x`);
    return (result as unknown as { rows: { j: Record<string, unknown> }[] }).rows.map(({ j }) => {
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(j)) if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) out[key] = toMicros(value);
      return out;
    });
  }

  it("exports a conversation as JSON that parses back to every stored field", async () => {
    const user = await createTestUser(db(), { name: "Ada", email: `ada-${Date.now()}@example.com` });
    const id = await fullConversation(user.id);
    const text = await readText(exportJsonStream({ user, now: new Date("2030-08-01T00:00:00Z") }, (async function* () { yield await exportSessionJson(db(), { userId: user.id, sessionId: id }); })()));
    const file = JSON.parse(text) as ExportFile;
    expect(file).toMatchObject({ format: "livemind-export", version: 1, exported_at: "2030-08-01T00:00:00.000Z", user: { id: user.id, name: "Ada", email: user.email } });
    expect(file.sessions).toHaveLength(1);
    const [exported] = file.sessions;

    const [session] = await db().select().from(liveSessions).where(eq(liveSessions.id, id));
    expectSameRow(liveSessions, exported!.session, session!, (await microsOf("live_sessions", "id", id))[0]!, ["summary_search_vector", "summary_search_vector_simple"]);
    expect(exported!.session.updated_at).toMatch(/09:31:02\.123456/);
    expect(exported!.persona_name).toBe("Pet namer");

    const storedTurns = await db().select().from(transcriptions).where(eq(transcriptions.sessionId, id)).orderBy(transcriptions.sequenceNumber);
    const turnMicros = await microsOf("transcriptions", "session_id", id);
    expect(exported!.turns).toHaveLength(3);
    for (const [index, stored] of storedTurns.entries()) {
      const microsForRow = turnMicros.find((_, i) => i === index)!;
      expectSameRow(transcriptions, exported!.turns[index] as unknown as Record<string, unknown>, stored, microsForRow, ["search_vector", "search_vector_simple"]);
    }
    expect(exported!.turns.map((t) => t.text)).toEqual(turns.map((t) => t.text));

    const [analytics] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, id));
    expectSameRow(sessionAnalytics, exported!.analytics!, analytics!, (await microsOf("session_analytics", "session_id", id))[0]!);
    expect(exported!.analytics).toMatchObject({ interruption_count: 1, audio_seconds: 5.5, metadata: { resumptions: 2, clientStatsReported: true } });

    const [audio] = await db().select().from(audioChunks).where(eq(audioChunks.sessionId, id));
    expectSameRow(audioChunks, exported!.audio_segments[0]!, audio!, (await microsOf("audio_chunks", "session_id", id))[0]!, ["data"]);
    const [frame] = await db().select().from(videoFrames).where(eq(videoFrames.sessionId, id));
    expectSameRow(videoFrames, exported!.video_frames[0]!, frame!, (await microsOf("video_frames", "session_id", id))[0]!, ["data"]);
  });

  it("exports a readable Markdown transcript", async () => {
    const user = await createTestUser(db());
    const id = await fullConversation(user.id);
    const markdown = sessionMarkdown(JSON.parse(await exportSessionJson(db(), { userId: user.id, sessionId: id })), { timeZone: "Europe/Paris" });
    expect(markdown).toContain("# Cat names\n");
    expect(markdown).toContain("**Date:** Monday, 1 July 2030 at 11:30 CEST");
    expect(markdown).toContain("**Duration:** 1 min 1 s");
    expect(markdown).toContain("**Voice:** Kore · **Persona:** Pet namer");
    expect(markdown).toContain("**You** · 0:00\n\nWhat's a good name for a cat?");
    expect(markdown).toContain("**Companion** · 0:02 · answered in 512 ms · interrupted\n\nHow about Miso?  \n\\# not a heading");
    expect(markdown).toContain("Miso it is — ünïcödé & <b>tags</b>");
  });

  it("exports the whole history newest first, in batches, and only the caller's", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const session = await createLiveSession(db(), { userId: alice.id, values: { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "x" }, now: new Date(Date.UTC(2030, 8, 1 + i)) });
      await endLiveSession(db(), { userId: alice.id, sessionId: session.id, status: "ENDED", now: new Date(Date.UTC(2030, 8, 1 + i, 0, 1)) });
      ids.unshift(session.id);
    }
    const bobs = await createLiveSession(db(), { userId: bob.id, values: { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "x" } });
    const text = await readText(exportJsonStream({ user: alice }, exportAllSessionsJson(db(), { userId: alice.id, batchSize: 2 })));
    const file = JSON.parse(text) as ExportFile;
    expect(file.sessions.map((s) => s.session.id)).toEqual(ids);
    expect(file.sessions.every((s) => s.session.user_id === alice.id && s.analytics !== null)).toBe(true);
    expect(text).not.toContain(bobs.id);
    await expect(exportSessionJson(db(), { userId: alice.id, sessionId: bobs.id })).rejects.toMatchObject({ code: "not_found:session", status: 404 });

    const none = JSON.parse(await readText(exportJsonStream({ user: bob }, exportAllSessionsJson(db(), { userId: (await createTestUser(db())).id })))) as ExportFile;
    expect(none.sessions).toEqual([]);
  });

  it("exports everything with the account's personas (documents listed, no bytes) and memories that have no conversation", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    for (const owner of [alice, bob]) {
      const [persona] = await db().insert(personas).values({ userId: owner.id, name: `Tutor of ${owner.id}`, voice: "Kore", systemInstruction: "Teach." }).returning();
      await createDocument(db(), { userId: owner.id, personaId: persona!.id, name: "menu.md", mimeType: "text/markdown", bytes: new TextEncoder().encode("# Soup of the day"), sha256: "a".repeat(64) });
      await db().insert(memories).values({ userId: owner.id, sourceSessionId: null, content: `Saved by API for ${owner.id}`, embedding: [1, 0, 0] });
    }
    const account = await exportAccountExtrasJson(db(), { userId: alice.id });
    const text = await readText(exportJsonStream({ user: alice, account }, exportAllSessionsJson(db(), { userId: alice.id })));
    const file = JSON.parse(text) as ExportFile & { personas: { name: string; documents: Record<string, unknown>[] }[]; memories_without_conversation: { content: string }[] };
    expect(file.personas.map((p) => p.name)).toEqual([`Tutor of ${alice.id}`]);
    expect(file.personas[0]!.documents).toHaveLength(1);
    expect(file.personas[0]!.documents[0]).toMatchObject({ name: "menu.md", mime_type: "text/markdown" });
    expect(file.personas[0]!.documents[0]).not.toHaveProperty("data");
    expect(file.memories_without_conversation.map((m) => m.content)).toEqual([`Saved by API for ${alice.id}`]);
    expect(file.memories_without_conversation[0]).not.toHaveProperty("embedding");
    expect(text).not.toContain(bob.id);
    expect(file.sessions).toEqual([]);
  });
});
