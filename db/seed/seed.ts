import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { sql, type SQL } from "drizzle-orm";
import { env } from "@/lib/env";
import { VOICE_NAMES } from "@/lib/gemini/voices";
import type { Database } from "../index";
import { ERROR_MESSAGES, FIRST_NAMES, LAST_NAMES, MODEL_LINES, RARE_LINE, USER_LINES } from "./phrases";

/*
 * Realistic volume for development and benchmarks: accounts that can sign in, conversations
 * spread over the last `days`, turns with offsets, latency and tokens, and the analytics row
 * each ended conversation gets. Rows are generated inside the database (generate_series), so a
 * million turns take seconds on PostgreSQL, not a million round trips.
 */

export interface SeedOptions {
  users: number;
  /** Conversations in all, spread unevenly over the users (a few talk a lot). */
  sessions: number;
  turnsPerSession: number;
  days: number;
  /** Tells this run's rows apart (ids and emails), so a database can be seeded twice. */
  tag: string;
  password: string;
}

export interface SeedResult {
  tag: string;
  users: number;
  sessions: number;
  transcriptions: number;
  sampleEmail: string;
  password: string;
  millis: number;
}

export const DEFAULT_SEED: Omit<SeedOptions, "tag"> = { users: 3, sessions: 30, turnsPerSession: 12, days: 30, password: "livemind-seed-password" };

/** Sessions per statement: bounds the memory one INSERT … SELECT needs, on PGlite above all. */
const SESSION_BATCH = 2_000;

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => sql.raw(`ARRAY[${values.map(literal).join(",")}]::text[]`);
const int = (value: number) => sql.raw(String(Math.trunc(value)));

export const newSeedTag = () => randomBytes(3).toString("hex");

export const seedUserId = (tag: string, n: number) => `seed-${tag}-${n}`;
export const seedEmail = (tag: string, n: number) => `seed-${tag}-${n}@livemind.example`;

export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { tag, users, sessions, turnsPerSession, days } = options;
  if (!/^[a-z0-9]{1,12}$/.test(tag)) throw new Error(`seed tag must be 1-12 lowercase letters or digits, got ${tag}`);
  const prefix = `seed-${tag}-`;
  const passwordHash = await hashPassword(options.password);

  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO "user" (id, name, email, email_verified, role, created_at, updated_at)
      SELECT ${prefix} || g,
             (${textArray(FIRST_NAMES)})[1 + g % ${int(FIRST_NAMES.length)}] || ' ' || (${textArray(LAST_NAMES)})[1 + (g / ${int(FIRST_NAMES.length)}) % ${int(LAST_NAMES.length)}],
             ${prefix} || g || '@livemind.example', true, 'user',
             now() - random() * ${int(days)} * interval '1 day', now()
      FROM generate_series(1, ${int(users)}) g`);
    await tx.execute(sql`
      INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, updated_at)
      SELECT 'acct-' || id, id, 'credential', id, ${passwordHash}, created_at, created_at
      FROM "user" WHERE id LIKE ${prefix + "%"}`);
    await tx.execute(sql`
      INSERT INTO personas (user_id, name, voice, system_instruction)
      SELECT id, p.name, p.voice, p.instruction
      FROM "user", (VALUES ('Coach', 'Fenrir', 'An upbeat fitness coach.'), ('Tutor', 'Charon', 'A patient language tutor.')) AS p(name, voice, instruction)
      WHERE id LIKE ${prefix + "%"}`);
  });

  let remaining = sessions;
  while (remaining > 0) {
    const batch = Math.min(SESSION_BATCH, remaining);
    remaining -= batch;
    await db.transaction(async (tx) => {
      const ids = await insertSessions(tx as unknown as Database, { prefix, users, batch, turnsPerSession });
      const idList = sql.raw(`ARRAY[${ids.map(literal).join(",")}]::uuid[]`);
      await insertTurns(tx as unknown as Database, idList, turnsPerSession);
      await insertAnalytics(tx as unknown as Database, idList);
    });
  }

  return {
    tag,
    users,
    sessions,
    transcriptions: sessions * turnsPerSession,
    sampleEmail: seedEmail(tag, 1),
    password: options.password,
    millis: Math.round(performance.now() - started),
  };
}

async function insertSessions(db: Database, { prefix, users, batch, turnsPerSession }: { prefix: string; users: number; batch: number; turnsPerSession: number }): Promise<string[]> {
  // pow(random(), 2) skews the picks toward low user numbers: a few heavy users, a long tail.
  const result = await db.execute(sql`
    WITH picks AS (
      SELECT gen_random_uuid() AS id,
             ${prefix} || (1 + floor(pow(random(), 2) * ${int(users)}))::int AS user_id,
             random() AS at, random() AS kind, random() AS extra
      FROM generate_series(1, ${int(batch)})
    ), timed AS (
      SELECT p.*, u.created_at + p.at * (now() - u.created_at) AS started_at,
             ${int(turnsPerSession)} * 4 + floor(p.extra * 40)::int AS duration
      FROM picks p JOIN "user" u ON u.id = p.user_id
    )
    INSERT INTO live_sessions (id, user_id, status, model, voice, persona_id, camera_enabled, mic_enabled, title,
                               started_at, ended_at, last_activity_at, total_duration_seconds, last_error_message, created_at, updated_at)
    SELECT id, user_id,
           (CASE WHEN kind < 0.04 THEN 'ERROR' ELSE 'ENDED' END)::session_status,
           ${env.GEMINI_LIVE_MODEL},
           (${textArray(VOICE_NAMES)})[1 + floor(extra * ${int(VOICE_NAMES.length)})::int],
           CASE WHEN kind > 0.7 THEN (SELECT ps.id FROM personas ps WHERE ps.user_id = timed.user_id ORDER BY ps.name LIMIT 1) END,
           kind > 0.8, true,
           (${textArray(USER_LINES)})[1 + abs(hashtext(id::text || ':0')) % ${int(USER_LINES.length)}],
           started_at, started_at + duration * interval '1 second', started_at + duration * interval '1 second', duration,
           CASE WHEN kind < 0.04 THEN (${textArray(ERROR_MESSAGES)})[1 + floor(kind * 100)::int % ${int(ERROR_MESSAGES.length)}] END,
           started_at, started_at + duration * interval '1 second'
    FROM timed
    RETURNING id`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

async function insertTurns(db: Database, ids: SQL, turnsPerSession: number): Promise<void> {
  // The line a turn says comes from a hash of (session, turn), so the session's title (its
  // first user line, chosen the same way above) matches its transcript; an answer is the one
  // paired with the question before it.
  await db.execute(sql`
    INSERT INTO transcriptions (session_id, user_id, sender, text, transcription_type, sequence_number, timestamp,
                                start_offset_ms, end_offset_ms, latency_ms, interrupted, input_tokens, output_tokens, heard_ms)
    SELECT s.id, s.user_id,
           (CASE WHEN g % 2 = 0 THEN 'user' ELSE 'model' END)::sender_type,
           CASE WHEN g % 2 = 1 THEN (${textArray(MODEL_LINES)})[1 + abs(hashtext(s.id::text || ':' || (g - 1))) % ${int(MODEL_LINES.length)}]
                WHEN g > 0 AND abs(hashtext(s.id::text || ':' || g)) % 5000 = 0 THEN ${RARE_LINE}
                ELSE (${textArray(USER_LINES)})[1 + abs(hashtext(s.id::text || ':' || g)) % ${int(USER_LINES.length)}] END,
           (CASE WHEN g % 2 = 0 THEN 'input' ELSE 'output' END)::transcription_type,
           g,
           s.started_at + g * interval '4 seconds',
           g * 4000, g * 4000 + 3200,
           CASE WHEN g % 2 = 1 THEN 250 + floor(random() * random() * 2400)::int END,
           g % 2 = 1 AND r < 0.05,
           CASE WHEN g % 2 = 1 THEN 80 + floor(random() * 500)::int END,
           CASE WHEN g % 2 = 1 THEN 40 + floor(random() * 400)::int END,
           CASE WHEN g % 2 = 1 AND r < 0.05 THEN floor(r * 40000)::int END
    FROM live_sessions s
    CROSS JOIN generate_series(0, ${int(turnsPerSession - 1)}) g
    CROSS JOIN LATERAL (SELECT random() + g * 0 AS r) jitter
    WHERE s.id = ANY(${ids})`);
}

async function insertAnalytics(db: Database, ids: SQL): Promise<void> {
  // The same figures computeSessionMetrics writes at the end of a live session; percentile_disc
  // is the nearest-rank percentile it uses.
  await db.execute(sql`
    INSERT INTO session_analytics (session_id, user_id, started_at, status, error_message, duration_seconds, model, voice, persona_id,
                                   user_message_count, model_message_count, audio_seconds, video_frame_count,
                                   response_time_mean_ms, response_time_p95_ms, latencies_ms, latency_sum_ms,
                                   interruption_count, error_count, tokens_in, tokens_out, metadata, created_at)
    SELECT s.id, s.user_id, s.started_at, s.status, CASE WHEN s.status = 'ERROR' THEN s.last_error_message END, s.total_duration_seconds, s.model, s.voice, s.persona_id,
           count(*) FILTER (WHERE t.sender = 'user'), count(*) FILTER (WHERE t.sender = 'model'),
           s.total_duration_seconds, CASE WHEN s.camera_enabled THEN s.total_duration_seconds ELSE 0 END,
           avg(t.latency_ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY t.latency_ms),
           coalesce(array_agg(t.latency_ms ORDER BY t.latency_ms) FILTER (WHERE t.latency_ms IS NOT NULL), '{}'),
           coalesce(sum(t.latency_ms), 0),
           count(*) FILTER (WHERE t.interrupted), CASE WHEN s.status = 'ERROR' THEN 1 ELSE 0 END,
           coalesce(sum(t.input_tokens), 0), coalesce(sum(t.output_tokens), 0),
           '{"seeded": true}'::jsonb, s.ended_at
    FROM live_sessions s JOIN transcriptions t ON t.session_id = s.id
    WHERE s.id = ANY(${ids})
    GROUP BY s.id`);
}

/** node-postgres and Neon answer `{ rows }`; PGlite answers `{ rows }` too, typed differently. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
