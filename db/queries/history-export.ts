import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";

/*
 * Exports of the caller's conversations. Postgres renders each conversation as JSON itself
 * (`to_jsonb` of the stored rows), so every column is in the file as stored, timestamps to the
 * microsecond, and a column added later is exported without touching this code. Left out:
 * the search vectors (`search_vector`, `search_vector_simple`, the sessions' `summary_search_vector*`: generated from the text) and the media bytes (`data`; the replay routes
 * serve them), whose rows are listed; memory embeddings (derived), while the memories learned
 * from each conversation, with their source line and entities, are in.
 */

const EXPORT_BATCH = 25;

interface ExportRow extends Record<string, unknown> {
  id: string;
  started_at: string;
  json: string;
}

function exportRows(where: SQL, limit: number) {
  return sql`
    select s.id,
           to_char(s.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as started_at,
           jsonb_build_object(
             'session', to_jsonb(s) - 'summary_search_vector' - 'summary_search_vector_simple',
             'persona_name', coalesce(s.persona_name, (select p.name from personas p where p.id = s.persona_id and p.user_id = s.user_id)),
             'turns', coalesce((select jsonb_agg(to_jsonb(t) - 'search_vector' - 'search_vector_simple' order by t.sequence_number) from transcriptions t where t.session_id = s.id), '[]'::jsonb),
             'analytics', (select to_jsonb(a) from session_analytics a where a.session_id = s.id),
             'audio_segments', coalesce((select jsonb_agg(to_jsonb(c) - 'data' order by c.sequence_number) from audio_chunks c where c.session_id = s.id), '[]'::jsonb),
             'video_frames', coalesce((select jsonb_agg(to_jsonb(f) - 'data' order by f.offset_ms, f.id) from video_frames f where f.session_id = s.id), '[]'::jsonb),
             'memories', coalesce((select jsonb_agg((to_jsonb(m) - 'embedding' - 'embedding_vec') || jsonb_build_object('entities',
                 coalesce((select jsonb_agg(jsonb_build_object('name', e.name, 'type', e.entity_type)) from memory_entities e where e.memory_id = m.id and e.user_id = s.user_id), '[]'::jsonb))
               order by m.valid_from, m.id) from memories m where m.source_session_id = s.id and m.user_id = s.user_id), '[]'::jsonb)
           )::text as json
    from live_sessions s
    where ${where}
    order by s.started_at desc, s.id desc
    limit ${limit}
  `;
}

const rowsOf = (result: unknown) => (result as { rows: ExportRow[] }).rows;

/** One of the caller's conversations as export JSON text; not_found:session otherwise. */
export async function exportSessionJson(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<string> {
  const [row] = rowsOf(await db.execute<ExportRow>(exportRows(sql`s.user_id = ${userId} and s.id = ${sessionId}`, 1)));
  if (!row) throw new AppError("not_found:session");
  return row.json;
}

/** Every conversation of the caller, newest first, as export JSON texts, a few at a time (keyset). */
export async function* exportAllSessionsJson(db: Database, { userId, batchSize = EXPORT_BATCH }: { userId: string; batchSize?: number }): AsyncGenerator<string> {
  let after: { startedAt: string; id: string } | null = null;
  for (;;) {
    const where: SQL = after
      ? sql`s.user_id = ${userId} and (s.started_at, s.id) < (${after.startedAt}::timestamptz, ${after.id}::uuid)`
      : sql`s.user_id = ${userId}`;
    const rows = rowsOf(await db.execute<ExportRow>(exportRows(where, batchSize)));
    for (const row of rows) yield row.json;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { startedAt: last.started_at, id: last.id };
  }
}
