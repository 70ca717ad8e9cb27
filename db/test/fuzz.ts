import { sql, type SQL } from "drizzle-orm";
import fc from "fast-check";
import type { Database } from "@/db/index";

/*
 * What the input fuzz suite (app/input-fuzz.test.ts) throws at route handlers and actions, and
 * how it tells whether anyone's data changed.
 */

/** Values that have broken a route before, and their neighbours. */
const KNOWN_BAD_STRINGS = [
  "\u0000",
  "a\u0000b",
  "2024-02-31",
  "2024-04-31",
  "0000-01-01",
  "9999-99-99T99:99:99Z",
  "US/Pacific-New",
  "-".repeat(200),
  "- ".repeat(60),
  "1e39",
  "1e-50",
  " ",
  "",
  "\ud800",
  "' or 1=1 --",
  "%00",
  "/\n/x",
  "NaN",
  "null",
  "x".repeat(25_000),
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_BAD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((text) => `${text}\u0000${text}`) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 250 }) },
  { weight: 1, arbitrary: fc.uuid() },
);

export const hostileNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(2_147_483_648, 2_147_483_647, 9e15, -1, 1e39, 1e-50, 0.5, Number.MAX_SAFE_INTEGER, 86_400_001) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null]) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3 }) },
);

/** Mostly a hostile value of the same type as the valid one (a string for a string), sometimes anything. */
function hostileLike(valid: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(valid) && valid.length > 0) {
    const [first] = valid;
    const item = first !== null && typeof first === "object" ? mutated(first as Record<string, unknown>) : hostileLike(first);
    return fc.oneof({ weight: 3, arbitrary: item.map((value) => [value]) }, { weight: 1, arbitrary: hostileValue });
  }
  const typed = typeof valid === "number" ? hostileNumber : typeof valid === "string" ? hostileString : hostileValue;
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: hostileValue });
}

/** A valid input with one or more fields (or the whole of it) replaced, removed or added to. */
export function mutated(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(template);
  if (keys.length === 0) return fc.oneof(hostileValue, fc.dictionary(hostileString, hostileValue, { minKeys: 1, maxKeys: 2 }));
  return fc.oneof(
    { weight: 1, arbitrary: hostileValue },
    { weight: 6, arbitrary: fc.constantFrom(...keys).chain((key) => hostileLike(template[key]).map((value) => ({ ...template, [key]: value }))) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...keys, "userId", "extra"), hostileValue, { minKeys: 1, maxKeys: 3 }).map((changes) => ({ ...template, ...changes })) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(template).filter(([name]) => name !== key))) },
  );
}

/** A query string of known and unknown keys with hostile values. */
export function hostileQuery(keys: string[], base: Record<string, string> = {}): fc.Arbitrary<URLSearchParams> {
  return fc.dictionary(fc.constantFrom(...keys, "x"), hostileString, { minKeys: 1, maxKeys: 3 }).map((changes) => new URLSearchParams({ ...base, ...changes }));
}

// Derived and throttling tables (rate limits, rollup caches) change on reads by design.
const byUser = (column: string) => (actor: string) => sql`${sql.identifier(column)} = ${actor}`;
const bySession = (actor: string) => sql`session_id in (select id from live_sessions where user_id = ${actor})`;
const OWNED: Record<string, (actor: string) => SQL> = {
  user: byUser("id"),
  session: byUser("user_id"),
  account: byUser("user_id"),
  api_credentials: byUser("user_id"),
  personas: byUser("user_id"),
  user_preferences: byUser("user_id"),
  live_sessions: byUser("user_id"),
  transcriptions: byUser("user_id"),
  session_analytics: byUser("user_id"),
  memories: byUser("user_id"),
  memory_entities: byUser("user_id"),
  jobs: byUser("user_id"),
  live_tool_calls: byUser("user_id"),
  audio_chunks: bySession,
  video_frames: bySession,
  admin_audit_log: byUser("actor_id"),
  // Not api_requests / api_rate_windows: written by every keyed request, refused ones included.
  api_keys: byUser("user_id"),
  email_outbox: byUser("user_id"),
};

// Columns that move on reads by design: a key's last_used_at moves with every /api/v1 request made
// with it, refused ones included (as api_requests rows do).
const ROWS: Record<string, SQL> = {
  api_keys: sql`(select id, user_id, name, prefix, key_hash, scopes, rate_limit_per_minute, created_at, expires_at, revoked_at from api_keys)`,
};

export interface DataDigest {
  /** Every row of every table. */
  all: string;
  /** Every row the actor does not own. */
  others: string;
}

export async function digestData(db: Database, actorId: string): Promise<DataDigest> {
  const parts = Object.entries(OWNED).map(
    ([table, owned]) => sql`select ${table}::text as t,
      md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as all_rows,
      md5(coalesce(string_agg(r::text, '|' order by r::text) filter (where not coalesce(${owned(actorId)}, false)), '')) as other_rows
      from ${ROWS[table] ?? sql.identifier(table)} r`,
  );
  const result = await db.execute<{ t: string; all_rows: string; other_rows: string }>(sql.join(parts, sql` union all `));
  const rows = (result as unknown as { rows: { t: string; all_rows: string; other_rows: string }[] }).rows;
  return { all: rows.map((row) => `${row.t}:${row.all_rows}`).join(","), others: rows.map((row) => `${row.t}:${row.other_rows}`).join(",") };
}
