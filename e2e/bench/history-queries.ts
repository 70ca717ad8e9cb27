import { sql } from "drizzle-orm";
import type { Database } from "@/db/index";
import { listSessionHistory, searchTranscripts } from "@/db/queries/history";
import { listAudioSegments, listVideoFrames } from "@/db/queries/media";
import { getReplaySession } from "@/db/queries/replay";
import { RARE_WORD } from "@/db/seed/phrases";
import { newSeedTag } from "@/db/seed/seed";
import { seededPglite, seededPostgres, type BenchDatabase } from "./bench-database";
import type { BenchFigure } from "./figure";
import { timeQuery } from "./timing";

/*
 * The Sessions and Replay pages' queries on a seeded 10,000 conversations / 1,000,000 turns,
 * on the real PostgreSQL server and on PGlite, as the heaviest user (the one with the most
 * conversations) sees them: first history page, a deep keyset page, a search for a common and
 * for a rare word, and everything the replay page reads.
 */

// Mostly stop words, said in about one user line in forty: a quoted phrase must find it exactly.
const PHRASE = '"what can I cook"';

const SEED = { users: 100, sessions: 10_000, turnsPerSession: 100, days: 180, password: "bench-password" };

export async function heaviestUser(db: Database): Promise<{ userId: string; sessions: number }> {
  const result = await db.execute(sql`select user_id, count(*)::int as n from live_sessions group by user_id order by n desc limit 1`);
  const row = (result as unknown as { rows: { user_id: string; n: number }[] }).rows[0]!;
  return { userId: row.user_id, sessions: row.n };
}

async function measure(label: string, bench: BenchDatabase, targets: boolean): Promise<BenchFigure[]> {
  const db = bench.handle.db;
  const { userId, sessions: count } = await heaviestUser(db);
  const first = await listSessionHistory(db, { userId });
  // A cursor twenty pages deep: keyset pages cost the same however far down they are.
  let cursor = first.nextCursor;
  for (let page = 0; page < 20 && cursor; page++) cursor = (await listSessionHistory(db, { userId, cursor })).nextCursor;
  const sessions = (await listSessionHistory(db, { userId, limit: 50 })).items.map((item) => item.id);
  const target = (value: string) => (targets ? value : undefined);
  const phraseHits = (await searchTranscripts(db, { userId, query: PHRASE })).items.length;
  return [
    { name: `${label}: conversations of the user measured`, value: count, unit: "" },
    { name: `${label}: lines on the first page for ${PHRASE}`, value: phraseHits, unit: "" },
    ...(await timeQuery(`${label}: history, first page`, () => listSessionHistory(db, { userId }), { target: target("≤ 20 ms") })),
    ...(await timeQuery(`${label}: history, page 21 (keyset)`, () => listSessionHistory(db, { userId, cursor }), { target: target("≤ 20 ms") })),
    ...(await timeQuery(`${label}: search, common word ("dinner")`, () => searchTranscripts(db, { userId, query: "dinner" }), { target: target("≤ 50 ms") })),
    ...(await timeQuery(`${label}: search, rare word ("${RARE_WORD}")`, () => searchTranscripts(db, { userId, query: RARE_WORD }), { target: target("≤ 50 ms") })),
    ...(await timeQuery(`${label}: search, quoted phrase of common words (${PHRASE})`, () => searchTranscripts(db, { userId, query: PHRASE }), { target: target("≤ 50 ms") })),
    // The same words unquoted: the English vector, where only "cook" is left of them.
    ...(await timeQuery(`${label}: search, the same words unquoted`, () => searchTranscripts(db, { userId, query: PHRASE.replaceAll('"', "") }), { target: target("≤ 50 ms") })),
    ...(await timeQuery(
      `${label}: replay page (100 turns)`,
      (round) => {
        const owner = { userId, sessionId: sessions[round % sessions.length]! };
        return Promise.all([getReplaySession(db, owner), listAudioSegments(db, owner), listVideoFrames(db, owner)]);
      },
      { target: target("≤ 30 ms") },
    )),
  ];
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const postgres = await seededPostgres({ ...SEED, tag: newSeedTag() });
  if ("skipped" in postgres) {
    console.warn(`PostgreSQL benchmark skipped: ${postgres.skipped}`);
  } else {
    try {
      figures.push({ name: "PostgreSQL: seeding 10k conversations / 1M turns", value: Math.round(postgres.seed.millis / 100) / 10, unit: "s" });
      figures.push(...(await measure("PostgreSQL", postgres, true)));
    } finally {
      await postgres.dispose();
    }
  }
  const pglite = await seededPglite({ ...SEED, tag: newSeedTag() });
  try {
    figures.push({ name: "PGlite: seeding 10k conversations / 1M turns", value: Math.round(pglite.seed.millis / 100) / 10, unit: "s" });
    figures.push(...(await measure("PGlite", pglite, false)));
  } finally {
    await pglite.dispose();
  }
  return figures;
}
