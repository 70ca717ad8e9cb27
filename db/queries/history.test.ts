import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { audioChunks, liveSessions, personas } from "@/db/schema";
import { describeEachDriver, type Database } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { storeConversation } from "@/db/test/history-fixtures";
import { splitSnippet } from "@/lib/history/snippet";
import type { Page } from "@/lib/history/types";
import { decodeCursor, encodeCursor, hasAnySession, listSessionHistory, searchTranscripts } from "./history";

const at = (iso: string) => new Date(iso);

async function allPages<T>(load: (cursor: string | null) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await load(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

const matchedWords = (snippet: string) => splitSnippet(snippet).filter((part) => part.match).map((part) => part.text.toLowerCase());

describeEachDriver("session history list", ({ db }) => {
  it("pages newest first by keyset, with no duplicate or gap while new conversations arrive", async () => {
    const user = await createTestUser(db());
    const other = await createTestUser(db());
    const base = Date.parse("2030-01-01T00:00:00Z");
    const ids: string[] = [];
    // Three share a start time to the microsecond (the id breaks the tie); others differ by 1 µs.
    for (let i = 0; i < 23; i++) {
      const row = await storeConversation(db(), { userId: user.id, startedAt: new Date(base + Math.max(0, i - 2) * 60_000), lines: [`line ${i}`] });
      ids.push(row.id);
    }
    const micro = await storeConversation(db(), { userId: user.id, startedAt: new Date(base + 30 * 60_000) });
    const microTwin = await storeConversation(db(), { userId: user.id, startedAt: new Date(base + 30 * 60_000) });
    await db().execute(sql`update live_sessions set started_at = started_at + interval '1 microsecond' where id = ${microTwin.id}`);
    await storeConversation(db(), { userId: other.id, startedAt: new Date(base + 5 * 60_000) });

    const expected = await sortedIds(db(), user.id);
    expect(expected).toHaveLength(25);
    expect(expected.slice(0, 2)).toEqual([microTwin.id, micro.id]);

    const first = await listSessionHistory(db(), { userId: user.id, limit: 7 });
    expect(first.items.map((item) => item.id)).toEqual(expected.slice(0, 7));
    // Newer conversations arrive between page loads: they belong above, the next pages are unchanged.
    await storeConversation(db(), { userId: user.id, startedAt: new Date(base + 90 * 60_000) });
    await storeConversation(db(), { userId: user.id, startedAt: new Date(base + 91 * 60_000) });
    const rest = await allPages((cursor) => listSessionHistory(db(), { userId: user.id, limit: 7, cursor: cursor ?? first.nextCursor }));
    const seen = [...first.items, ...rest.flat()].map((item) => item.id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(rest.at(-1)?.length).toBe(25 - 7 - 7 * 2);
  });

  it("shows each conversation's facts: default or given title, turn count, persona, audio, status", async () => {
    const user = await createTestUser(db());
    const [persona] = await db().insert(personas).values({ userId: user.id, name: "Coach", voice: "Kore", systemInstruction: "Be upbeat." }).returning();
    const plain = await storeConversation(db(), { userId: user.id, startedAt: at("2030-02-01T10:00:00Z"), lines: ["", "Hello there.", "What should I cook tonight with rice and beans?", "Try a chili."] });
    const named = await storeConversation(db(), { userId: user.id, startedAt: at("2030-02-02T10:00:00Z"), lines: ["hi"], title: "Dinner ideas", status: "ERROR" });
    await db().execute(sql`update live_sessions set persona_id = ${persona!.id} where id = ${named.id}`);
    await db().insert(audioChunks).values({ sessionId: named.id, sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, byteSize: 3, data: Uint8Array.of(1, 2, 3) });
    const empty = await storeConversation(db(), { userId: user.id, startedAt: at("2030-02-03T10:00:00Z") });

    const { items, nextCursor } = await listSessionHistory(db(), { userId: user.id });
    expect(nextCursor).toBeNull();
    expect(items.map((item) => item.id)).toEqual([empty.id, named.id, plain.id]);
    expect(items[2]).toMatchObject({ title: null, firstLine: "What should I cook tonight with rice and beans?", turnCount: 4, hasAudio: false, status: "ENDED", voice: "Puck", personaName: null, durationSeconds: 60, startedAt: "2030-02-01T10:00:00.000000Z" });
    expect(items[1]).toMatchObject({ title: "Dinner ideas", firstLine: "hi", turnCount: 1, hasAudio: true, status: "ERROR", personaName: "Coach" });
    expect(items[0]).toMatchObject({ title: null, firstLine: null, turnCount: 0, hasAudio: false });
    expect(await hasAnySession(db(), { userId: user.id })).toBe(true);
    expect(await hasAnySession(db(), { userId: (await createTestUser(db())).id })).toBe(false);
  });

  it("narrows by status and by whole days in the user's time zone", async () => {
    const user = await createTestUser(db());
    // 23:30 on 1 March in New York is already 2 March in UTC.
    const lateEvening = await storeConversation(db(), { userId: user.id, startedAt: at("2030-03-02T04:30:00Z") });
    const nextDay = await storeConversation(db(), { userId: user.id, startedAt: at("2030-03-02T15:00:00Z"), status: "ERROR" });
    const earlier = await storeConversation(db(), { userId: user.id, startedAt: at("2030-02-20T15:00:00Z") });
    const ids = async (filters: Parameters<typeof listSessionHistory>[1]["filters"]) =>
      (await listSessionHistory(db(), { userId: user.id, filters })).items.map((item) => item.id);

    expect(await ids({ from: "2030-03-01", to: "2030-03-01", tz: "America/New_York" })).toEqual([lateEvening.id]);
    expect(await ids({ from: "2030-03-02", to: "2030-03-02" })).toEqual([nextDay.id, lateEvening.id]);
    expect(await ids({ to: "2030-02-28" })).toEqual([earlier.id]);
    expect(await ids({ status: "error" })).toEqual([nextDay.id]);
    expect(await ids({ status: "ended", from: "2030-03-01" })).toEqual([lateEvening.id]);
  });

  it("ignores a cursor it did not make", async () => {
    const user = await createTestUser(db());
    await storeConversation(db(), { userId: user.id, startedAt: at("2030-04-01T00:00:00Z") });
    for (const cursor of ["garbage", encodeCursor(["x", "y"]), encodeCursor(["2030-01-01T00:00:00.000000Z', 'x"]), Buffer.from("[1,2]").toString("base64url")]) {
      expect((await listSessionHistory(db(), { userId: user.id, cursor })).items).toHaveLength(1);
    }
    expect(decodeCursor(encodeCursor(["a", "b"]), 2)).toEqual(["a", "b"]);
    expect(decodeCursor(encodeCursor(["a", "b"]), 3)).toBeNull();
  });
});

describeEachDriver("transcript search", ({ db }) => {
  async function corpus() {
    const alice = await createTestUser(db());
    const bob = await createTestUser(db());
    const trip = await storeConversation(db(), {
      userId: alice.id,
      startedAt: at("2030-05-01T09:00:00Z"),
      title: "Trip",
      lines: ["I want to visit the mountains in Norway.", "Norway has fjords and mountains, and mountains again.", "What about the coast?", "The coast has lovely small towns."],
    });
    const cooking = await storeConversation(db(), {
      userId: alice.id,
      startedAt: at("2030-05-02T09:00:00Z"),
      lines: ["How do I bake sourdough bread?", "Feed the starter, then bake the bread hot.", "Can I bake it in the mountains?", "Yes, at altitude bread rises faster."],
    });
    await storeConversation(db(), { userId: bob.id, startedAt: at("2030-05-03T09:00:00Z"), lines: ["Bob's secret mountains sourdough plan"] });
    return { alice, bob, trip, cooking };
  }

  it("finds lines by word, best match first, with the words highlighted and never another user's text", async () => {
    const { alice, trip, cooking } = await corpus();
    const { items, nextCursor } = await searchTranscripts(db(), { userId: alice.id, query: "mountains" });
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(3);
    // The line that says it three times ranks first.
    expect(items[0]).toMatchObject({ sessionId: trip.id, sequenceNumber: 1, sender: "model", sessionTitle: "Trip", startOffsetMs: 2000 });
    expect(items.map((item) => [item.sessionId, item.sequenceNumber])).toContainEqual([cooking.id, 2]);
    for (const item of items) {
      expect(matchedWords(item.snippet).length).toBeGreaterThan(0);
      expect(matchedWords(item.snippet).every((word) => word === "mountains")).toBe(true);
      expect(item.snippet).not.toContain("Bob");
    }
    const cookingHit = items.find((item) => item.sessionId === cooking.id)!;
    expect(cookingHit.firstLine).toBe("How do I bake sourdough bread?");
    expect(splitSnippet(cookingHit.snippet).map((part) => part.text).join("")).toBe("Can I bake it in the mountains?");
    expect((await searchTranscripts(db(), { userId: alice.id, query: "secret" })).items).toEqual([]);
  });

  it("understands phrases, -exclusions and or", async () => {
    const { alice, trip, cooking } = await corpus();
    const lines = async (query: string) =>
      (await searchTranscripts(db(), { userId: alice.id, query })).items.map((item) => `${item.sessionId === trip.id ? "trip" : item.sessionId === cooking.id ? "cooking" : "?"}:${item.sequenceNumber}`).sort();

    expect(await lines('"bread hot"')).toEqual(["cooking:1"]);
    expect(await lines('"hot bread"')).toEqual([]);
    expect(await lines("hot bread")).toEqual(["cooking:1"]);
    expect(await lines("bread")).toEqual(["cooking:0", "cooking:1", "cooking:3"]);
    expect(await lines("bread -starter")).toEqual(["cooking:0", "cooking:3"]);
    expect(await lines("coast or sourdough")).toEqual(["cooking:0", "trip:2", "trip:3"]);
    expect(await lines("fjords coast")).toEqual([]);
    // Stemming: "baking" finds "bake".
    expect(await lines("baking altitude")).toEqual([]);
    expect(await lines("baking")).toEqual(["cooking:0", "cooking:1", "cooking:2"]);
    // Only stop words, or stray syntax: no match and no error.
    expect(await lines("the")).toEqual([]);
    expect(await lines('"unclosed -')).toEqual([]);
  });

  it("finds a quoted phrase exactly, stop words included, and nothing close to it", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const talk = await storeConversation(db(), {
      userId: alice.id,
      startedAt: at("2030-05-05T09:00:00Z"),
      lines: ["Hi, how are you?", "I am fine. How are you doing today?", "How you are matters to me.", "How are they?", "See them later.", "See you later!"],
    });
    await storeConversation(db(), { userId: bob.id, startedAt: at("2030-05-05T10:00:00Z"), lines: ["Bob asks how are you"] });
    const hits = async (query: string) => (await searchTranscripts(db(), { userId: alice.id, query })).items;
    const lines = async (query: string) => (await hits(query)).map((item) => item.sequenceNumber).sort();

    expect(await lines('"how are you"')).toEqual([0, 1]);
    for (const item of await hits('"how are you"')) {
      expect(item.sessionId).toBe(talk.id);
      expect(matchedWords(item.snippet)).toEqual(["how", "are", "you"]);
    }
    expect(await lines('"HOW ARE YOU')).toEqual([0, 1]);
    expect(await lines('"see you later"')).toEqual([5]);
    expect(await lines('"are you doing"')).toEqual([1]);
    expect(await lines('"how are you" -today')).toEqual([0]);
    expect(await lines('"how are you" or "how are they"')).toEqual([0, 1, 3]);
    // Without quotes, stop words are still ignored and words still stemmed.
    expect(await lines("how are you")).toEqual([]);
    expect(await lines("matter")).toEqual([2]);
  });

  it("shows a short line whole and a long one as an excerpt around the match, marked as cut", async () => {
    const user = await createTestUser(db());
    const filler = (word: string, count: number) => Array.from({ length: count }, (_, i) => `${word}${i}`).join(" ");
    const long = `${filler("alpha", 40)} the lighthouse keeper waved. ${filler("omega", 40)}`;
    await storeConversation(db(), { userId: user.id, startedAt: at("2030-05-09T09:00:00Z"), lines: [long, "A lighthouse, briefly."] });
    const { items } = await searchTranscripts(db(), { userId: user.id, query: "lighthouse" });
    const byLength = [...items].sort((a, b) => a.snippet.length - b.snippet.length);
    expect(splitSnippet(byLength[0]!.snippet).map((part) => part.text).join("")).toBe("A lighthouse, briefly.");
    const excerpt = byLength[1]!.snippet;
    expect(excerpt.startsWith("… ")).toBe(true);
    expect(excerpt.endsWith(" …")).toBe(true);
    expect(excerpt.length).toBeLessThan(long.length / 2);
    expect(matchedWords(excerpt)).toEqual(["lighthouse"]);
  });

  it("finds conversations by their AI summary and title (match: summary, no line), another user's never", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const walk = await storeConversation(db(), { userId: alice.id, startedAt: at("2030-05-07T09:00:00Z"), title: "Evening plans", lines: ["Shall we go out?"] });
    const chat = await storeConversation(db(), { userId: alice.id, startedAt: at("2030-05-08T09:00:00Z"), lines: ["The harbour was busy today."] });
    const theirs = await storeConversation(db(), { userId: bob.id, startedAt: at("2030-05-08T10:00:00Z"), lines: ["hello"] });
    await db().update(liveSessions).set({ summary: "They planned a walk along the harbour." }).where(eq(liveSessions.id, walk.id));
    await db().update(liveSessions).set({ summary: "Bob walked along the harbour." }).where(eq(liveSessions.id, theirs.id));

    const { items } = await searchTranscripts(db(), { userId: alice.id, query: "harbour" });
    expect(items.map((item) => [item.match, item.sessionId]).sort()).toEqual([["line", chat.id], ["summary", walk.id]].sort());
    const summaryHit = items.find((item) => item.match === "summary")!;
    expect(summaryHit).toMatchObject({ id: walk.id, sessionTitle: "Evening plans", sequenceNumber: null, sender: null, startOffsetMs: null });
    expect(matchedWords(summaryHit.snippet)).toEqual(["harbour"]);
    expect(items.find((item) => item.match === "line")).toMatchObject({ sequenceNumber: 0, sender: "user" });
    // Stemmed like the lines ("planning" finds "planned"), the title as well, and a quoted phrase as typed.
    expect((await searchTranscripts(db(), { userId: alice.id, query: "planning" })).items.map((item) => [item.match, item.sessionId])).toEqual([["summary", walk.id]]);
    expect((await searchTranscripts(db(), { userId: alice.id, query: "evening" })).items.map((item) => item.id)).toEqual([walk.id]);
    expect((await searchTranscripts(db(), { userId: alice.id, query: '"walk along the harbour"' })).items.map((item) => item.id)).toEqual([walk.id]);
    expect((await searchTranscripts(db(), { userId: alice.id, query: "bob" })).items).toEqual([]);
  });

  it("pages through lines and summaries together without repeating or skipping one", async () => {
    const user = await createTestUser(db());
    for (let i = 0; i < 3; i++) {
      const { id } = await storeConversation(db(), { userId: user.id, startedAt: new Date(Date.parse("2030-07-01T00:00:00Z") + i * 86_400_000), lines: ["orchard", "the orchard"] });
      await db().update(liveSessions).set({ summary: "A chat about the orchard." }).where(eq(liveSessions.id, id));
    }
    const pages = await allPages((cursor) => searchTranscripts(db(), { userId: user.id, query: "orchard", cursor, limit: 4 }));
    const hits = pages.flat();
    expect(hits).toHaveLength(9);
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(9);
    expect(hits.filter((hit) => hit.match === "summary")).toHaveLength(3);
  });

  it("pages through many matches without repeating or skipping one, and narrows by the filters", async () => {
    const user = await createTestUser(db());
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) {
      await storeConversation(db(), { userId: user.id, startedAt: new Date(Date.parse("2030-06-01T00:00:00Z") + i * 86_400_000), status: i === 5 ? "ERROR" : "ENDED", lines: ["garden", "garden garden", "the garden"] });
    }
    const pages = await allPages((cursor) => searchTranscripts(db(), { userId: user.id, query: "garden", cursor, limit: 4 }));
    for (const hit of pages.flat()) ids.add(hit.id);
    expect(pages.flat()).toHaveLength(18);
    expect(ids.size).toBe(18);
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 2]);
    expect((await searchTranscripts(db(), { userId: user.id, query: "garden", filters: { status: "error" } })).items).toHaveLength(3);
    expect((await searchTranscripts(db(), { userId: user.id, query: "garden", filters: { from: "2030-06-05" } })).items).toHaveLength(6);
  });
});

async function sortedIds(db: Database, userId: string): Promise<string[]> {
  const result = await db.execute(sql`select id from live_sessions where user_id = ${userId} order by started_at desc, id desc`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}
