import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { HISTORY_PAGE_SIZE, type HistoryFilters } from "@/lib/history/filters";
import { encodeCursor, readListCursor, readSearchCursor } from "@/lib/history/cursor";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/history/snippet";
import type { Page, SearchHit, SessionListItem } from "@/lib/history/types";
import type { Database } from "../index";
import { liveSessions, personas } from "../schema";
import { getPersona } from "./personas";

/*
 * The Sessions page: the caller's conversations newest first, and full-text search over their
 * transcripts. Both page by keyset (the sort key of the last row shown), never by OFFSET, so a
 * page costs the same however deep it is and rows arriving meanwhile shift nothing.
 */

type Filters = Omit<HistoryFilters, "q">;

// Microseconds, in UTC: the exact sort key, where a JS Date would keep only milliseconds.
const exactInstant = (column: SQL | typeof liveSessions.startedAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Computed on read: the first user line is usually sequence 0, one probe of (session_id, sequence_number).
const firstUserLine = sql<string | null>`(
  select left(t.text, 200) from transcriptions t
  where t.session_id = ${liveSessions.id} and t.sender = 'user' and t.text <> ''
  order by t.sequence_number limit 1
)`;

export { decodeCursor, encodeCursor } from "@/lib/history/cursor";

function sessionFilters(filters: Filters): SQL[] {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(liveSessions.status, filters.status === "ended" ? "ENDED" : "ERROR"));
  const tz = filters.tz ?? "UTC";
  // Whole days in the user's time zone: from the start of `from` to the end of `to`.
  if (filters.from) where.push(sql`${liveSessions.startedAt} >= (${filters.from}::date::timestamp at time zone ${tz})`);
  if (filters.to) where.push(sql`${liveSessions.startedAt} < ((${filters.to}::date + 1)::timestamp at time zone ${tz})`);
  // "default": the companion without a persona (a deleted persona's conversations keep its name).
  if (filters.persona === "default") where.push(sql`${liveSessions.personaId} is null and ${liveSessions.personaName} is null`);
  else if (filters.persona) where.push(eq(liveSessions.personaId, filters.persona));
  return where;
}

/** Narrowing to a persona that is not the caller's is not found, like any other id of someone else's. */
async function checkPersonaFilter(db: Database, userId: string, filters: Filters): Promise<void> {
  if (filters.persona && filters.persona !== "default") await getPersona(db, { userId, personaId: filters.persona });
}

/** One page of the caller's conversations, newest first; `cursor` is the previous page's nextCursor. */
export async function listSessionHistory(
  db: Database,
  { userId, filters = {}, cursor, limit = HISTORY_PAGE_SIZE }: { userId: string; filters?: Filters; cursor?: string | null; limit?: number },
): Promise<Page<SessionListItem>> {
  await checkPersonaFilter(db, userId, filters);
  const after = readListCursor(cursor);
  const where = [eq(liveSessions.userId, userId), ...sessionFilters(filters)];
  if (after) where.push(sql`(${liveSessions.startedAt}, ${liveSessions.id}) < (${after.startedAt}::timestamptz, ${after.id}::uuid)`);
  const rows = await db
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      summary: liveSessions.summary,
      firstLine: firstUserLine,
      startedAt: exactInstant(liveSessions.startedAt),
      durationSeconds: liveSessions.totalDurationSeconds,
      turnCount: sql<number>`(select count(*) from transcriptions t where t.session_id = ${liveSessions.id})`.mapWith(Number),
      voice: liveSessions.voice,
      personaName: sql<string | null>`coalesce(${liveSessions.personaName}, ${personas.name})`,
      model: liveSessions.model,
      status: liveSessions.status,
      hasAudio: sql<boolean>`exists (select 1 from audio_chunks a where a.session_id = ${liveSessions.id})`.mapWith(Boolean),
    })
    .from(liveSessions)
    .leftJoin(personas, and(eq(personas.id, liveSessions.personaId), eq(personas.userId, userId)))
    .where(and(...where))
    .orderBy(desc(liveSessions.startedAt), desc(liveSessions.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.startedAt, last.id]) : null };
}

/** Whether the caller has any conversation at all (the empty state versus "nothing matches"). */
export async function hasAnySession(db: Database, { userId }: { userId: string }): Promise<boolean> {
  const [row] = await db.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.userId, userId)).limit(1);
  return Boolean(row);
}

interface SearchRow extends Record<string, unknown> {
  id: string;
  session_id: string;
  match: "line" | "summary";
  session_title: string | null;
  persona_name: string | null;
  first_line: string | null;
  started_at: string;
  sequence_number: number | null;
  sender: "user" | "model" | null;
  start_offset_ms: number | null;
  snippet: string;
  rank: string;
}

const MARKERS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;
// A line short enough to read whole is shown whole; a longer one around its best match.
const WHOLE_LINE_CHARS = 280;
const MARKER_CHARS = HIGHLIGHT_START + HIGHLIGHT_END;
const WHOLE_LINE = `${MARKERS}, HighlightAll=true`;
const EXCERPT = `${MARKERS}, MinWords=15, MaxWords=35, ShortWord=2`;

/*
 * How a query is matched. Plain words go through the English configuration: stemmed ("baking"
 * finds "bake"), stop words ignored. A query with a quoted phrase is matched as typed, against the
 * vector of every word ('simple'): the English one has dropped "how", "are" and "you" altogether,
 * so "how are you" would find nothing, and "see you later" would also find "see them later".
 * Conversations' titles and AI summaries have the same two vectors (live_sessions).
 */
const ENGLISH = { config: sql.raw(`'english'`), vector: sql.raw("t.search_vector"), summaryVector: sql.raw(`"live_sessions"."summary_search_vector"`) };
const AS_TYPED = { config: sql.raw(`'simple'`), vector: sql.raw("t.search_vector_simple"), summaryVector: sql.raw(`"live_sessions"."summary_search_vector_simple"`) };
const matchesAsTyped = (query: string) => query.includes('"');

/**
 * Lines of the caller's transcripts matching `query` (web search syntax: "a phrase", -without,
 * or), and conversations whose title or summary matches it (`match: "summary"`, no line), best
 * match first (ts_rank, then newer conversations), one page at a time. Snippets are made only for
 * the page's rows: ts_headline re-parses the text and is the costly part.
 */
export async function searchTranscripts(
  db: Database,
  { userId, query, filters = {}, cursor, limit = HISTORY_PAGE_SIZE }: { userId: string; query: string; filters?: Filters; cursor?: string | null; limit?: number },
): Promise<Page<SearchHit>> {
  await checkPersonaFilter(db, userId, filters);
  const { config, vector, summaryVector } = matchesAsTyped(query) ? AS_TYPED : ENGLISH;
  const tsquery = sql`websearch_to_tsquery(${config}, ${query})`;
  const lineRank = sql`ts_rank(${vector}, ${tsquery})`;
  const summaryRank = sql`ts_rank(${summaryVector}, ${tsquery})`;
  // t.user_id first: the (user_id, vector) index then reads only this user's matches.
  const lineWhere: SQL[] = [sql`t.user_id = ${userId}`, eq(liveSessions.userId, userId), sql`${vector} @@ ${tsquery}`, ...sessionFilters(filters)];
  const summaryWhere: SQL[] = [eq(liveSessions.userId, userId), sql`${summaryVector} @@ ${tsquery}`, ...sessionFilters(filters)];
  const after = readSearchCursor(cursor);
  if (after) {
    // real → text → real is exact (shortest round-trip output), so ties resume where they stopped.
    const key = sql`(${after.rank}::real, ${after.startedAt}::timestamptz, ${after.id}::uuid)`;
    lineWhere.push(sql`(${lineRank}, ${liveSessions.startedAt}, t.id) < ${key}`);
    summaryWhere.push(sql`(${summaryRank}, ${liveSessions.startedAt}, ${liveSessions.id}) < ${key}`);
  }
  const personaName = sql`coalesce(${liveSessions.personaName}, (select p.name from personas p where p.id = ${liveSessions.personaId} and p.user_id = ${userId}))`;
  const result = await db.execute<SearchRow>(sql`
    with line_hits as (
      select t.id, t.session_id, 'line' as match, t.sequence_number, t.sender::text as sender, t.start_offset_ms, t.text,
             ${liveSessions.title} as session_title, ${liveSessions.startedAt} as started_at, ${lineRank} as rank, ${personaName} as persona_name
      from transcriptions t
      join ${liveSessions} on ${liveSessions.id} = t.session_id
      where ${and(...lineWhere)}
      order by rank desc, started_at desc, t.id desc
      limit ${limit + 1}
    ), summary_hits as (
      select ${liveSessions.id} as id, ${liveSessions.id} as session_id, 'summary' as match, null::int as sequence_number, null::text as sender,
             null::int as start_offset_ms, coalesce(${liveSessions.summary}, ${liveSessions.title}, '') as text,
             ${liveSessions.title} as session_title, ${liveSessions.startedAt} as started_at, ${summaryRank} as rank, ${personaName} as persona_name
      from ${liveSessions}
      where ${and(...summaryWhere)}
      order by rank desc, started_at desc, id desc
      limit ${limit + 1}
    ), hits as (
      select * from (select * from line_hits union all select * from summary_hits) h
      order by rank desc, started_at desc, id desc
      limit ${limit + 1}
    )
    select h.id, h.session_id, h.match, h.session_title, h.persona_name, h.sequence_number, h.sender, h.start_offset_ms,
           ${exactInstant(sql`h.started_at`)} as started_at,
           h.rank::text as rank,
           case when x.excerpt is null
             then ts_headline(${config}, x.clean, ${tsquery}, ${WHOLE_LINE})
             else case when starts_with(x.clean, translate(x.excerpt, ${MARKER_CHARS}, '')) then '' else '… ' end
               || x.excerpt
               || case when right(x.clean, length(translate(x.excerpt, ${MARKER_CHARS}, ''))) = translate(x.excerpt, ${MARKER_CHARS}, '') then '' else ' …' end
           end as snippet,
           (select left(u.text, 200) from transcriptions u
             where u.session_id = h.session_id and u.sender = 'user' and u.text <> ''
             order by u.sequence_number limit 1) as first_line
    from hits h
    cross join lateral (select translate(h.text, ${MARKER_CHARS}, '') as clean) c
    cross join lateral (
      select c.clean, case when length(c.clean) > ${WHOLE_LINE_CHARS} then ts_headline(${config}, c.clean, ${tsquery}, ${EXCERPT}) end as excerpt
    ) x
    order by h.rank desc, h.started_at desc, h.id desc
  `);
  const rows = (result as unknown as { rows: SearchRow[] }).rows;
  const page = rows.slice(0, limit);
  const items: SearchHit[] = page.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    personaName: row.persona_name,
    firstLine: row.first_line,
    startedAt: row.started_at,
    match: row.match,
    sequenceNumber: row.sequence_number === null ? null : Number(row.sequence_number),
    sender: row.sender,
    startOffsetMs: row.start_offset_ms === null ? null : Number(row.start_offset_ms),
    snippet: row.snippet,
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.rank, last.started_at, last.id]) : null };
}
