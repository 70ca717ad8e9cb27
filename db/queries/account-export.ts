import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../index";

/*
 * The parts of "export everything" that belong to the account rather than to one conversation
 * (db/queries/history-export.ts has those): the personas, each with its documents listed (name,
 * type, size, status; the file's bytes and its embedded passages are left out, as recorded media
 * is), and the memories with no conversation as their source (saved through the API, or kept
 * after their conversation was deleted), with their entities. Rendered by Postgres like the rest.
 */
export async function exportAccountExtrasJson(db: Database, { userId }: { userId: string }): Promise<string> {
  const result = await db.execute<{ json: string }>(sql`
    select jsonb_build_object(
      'personas', coalesce((select jsonb_agg(to_jsonb(p) || jsonb_build_object('documents',
          coalesce((select jsonb_agg(to_jsonb(d) - 'data' order by d.created_at, d.id) from knowledge_documents d where d.persona_id = p.id and d.user_id = p.user_id), '[]'::jsonb))
        order by p.created_at, p.id) from personas p where p.user_id = ${userId}), '[]'::jsonb),
      'memories_without_conversation', coalesce((select jsonb_agg((to_jsonb(m) - 'embedding' - 'embedding_vec') || jsonb_build_object('entities',
          coalesce((select jsonb_agg(jsonb_build_object('name', e.name, 'type', e.entity_type)) from memory_entities e where e.memory_id = m.id and e.user_id = m.user_id), '[]'::jsonb))
        order by m.valid_from, m.id) from memories m where m.user_id = ${userId} and m.source_session_id is null), '[]'::jsonb)
    )::text as json
  `);
  return (result as unknown as { rows: { json: string }[] }).rows[0]!.json;
}
