import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../index";
import { rows } from "./analytics-sql";
import { STALE_SESSION_MS } from "./live-sessions";
import { assertAdmin } from "./users";

/*
 * The Operators view: conversations open now, with their health. Metadata only: ids, times,
 * counts and latencies; never a transcript, a title, a persona or an instruction.
 */
export interface LiveOperation {
  sessionId: string;
  userId: string;
  email: string;
  status: "CONNECTING" | "ACTIVE";
  startedAt: Date;
  lastActivityAt: Date;
  /** p95 of this conversation's answer latencies so far (nearest rank), null before the first answer. */
  p95Ms: number | null;
  turns: number;
  /** As the browser reported them (present once it has); null when it has not. */
  reconnects: number | null;
  errors: number | null;
}

export async function listLiveOperations(db: Database, { actorId, now = new Date(), limit = 100 }: { actorId: string; now?: Date; limit?: number }): Promise<LiveOperation[]> {
  await assertAdmin(db, { actorId });
  const fresh = new Date(now.getTime() - STALE_SESSION_MS);
  const found = await rows<{
    session_id: string; user_id: string; email: string; status: "CONNECTING" | "ACTIVE"; started_at: string | Date; last_activity_at: string | Date;
    p95: number | null; turns: number; reconnects: number | null; errors: number | null;
  }>(
    db,
    sql`select s.id as "session_id", s.user_id as "user_id", u.email as "email", s.status as "status",
               s.started_at as "started_at", s.last_activity_at as "last_activity_at",
               l.p95 as "p95", coalesce(l.turns, 0)::int as "turns",
               (s.client_stats->>'resumptions')::int as "reconnects", (s.client_stats->>'errorCount')::int as "errors"
        from live_sessions s
        join "user" u on u.id = s.user_id
        left join lateral (
          select percentile_disc(0.95) within group (order by t.latency_ms) as p95, count(*) as turns
          from transcriptions t where t.session_id = s.id and t.latency_ms is not null
        ) l on true
        where s.status in ('CONNECTING', 'ACTIVE') and s.last_activity_at >= ${fresh}
        order by s.started_at asc
        limit ${limit}`,
  );
  return found.map((r) => ({
    sessionId: r.session_id,
    userId: r.user_id,
    email: r.email,
    status: r.status,
    startedAt: new Date(r.started_at),
    lastActivityAt: new Date(r.last_activity_at),
    p95Ms: r.p95 === null ? null : Number(r.p95),
    turns: Number(r.turns),
    reconnects: r.reconnects === null ? null : Number(r.reconnects),
    errors: r.errors === null ? null : Number(r.errors),
  }));
}
