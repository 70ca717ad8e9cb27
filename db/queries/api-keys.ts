import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { generateApiKey, hashApiKey, MAX_KEYS_PER_USER, type ApiKeySummary, type ApiRequestRecord, type ApiScope, type CreateApiKeyInput } from "@/lib/api-keys/key";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { apiKeys, apiRateWindows, apiRequests } from "../schema";

const summary = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  // The database's clock decides, like the check in authenticateApiKey's callers.
  expired: sql<boolean>`coalesce(${apiKeys.expiresAt} <= now(), false)`.mapWith(Boolean),
};

const asSummary = (row: Omit<ApiKeySummary, "scopes"> & { scopes: string[] }): ApiKeySummary => ({ ...row, scopes: row.scopes as ApiScope[] });

/** Makes a key for the caller; the key itself is in the answer and nowhere else, ever. */
export async function createApiKey(
  db: Database,
  { userId, input, now = new Date() }: { userId: string; input: CreateApiKeyInput; now?: Date },
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const [active] = await db
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
  if ((active?.n ?? 0) >= MAX_KEYS_PER_USER) throw new AppError("conflict:api", `At most ${MAX_KEYS_PER_USER} keys at a time: revoke one first.`);
  const { key, prefix, hash } = generateApiKey();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(apiKeys)
    .values({ id: randomUUID(), userId, name: input.name, prefix, keyHash: hash, scopes: [...new Set(input.scopes)], expiresAt, createdAt: now })
    .returning(summary);
  return { key, apiKey: asSummary(row!) };
}

/** The caller's keys, newest first, revoked ones included (their request records stay readable). */
export async function listApiKeys(db: Database, { userId }: { userId: string }): Promise<ApiKeySummary[]> {
  const rows = await db.select(summary).from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(asSummary);
}

/** Revokes one of the caller's keys at once; another user's key id is "not found". Idempotent. */
export async function revokeApiKey(db: Database, { userId, keyId, now = new Date() }: { userId: string; keyId: string; now?: Date }): Promise<void> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId)))
    .returning({ id: apiKeys.id });
  if (!row) throw new AppError("not_found:api", "That API key does not exist.");
}

export interface AuthenticatedKey {
  keyId: string;
  userId: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number;
}

/**
 * The live key a request presents, or null (unknown, revoked or expired: the caller cannot tell
 * which). Marks it used, at most once a minute, so a busy key does not write on every request.
 */
export async function authenticateApiKey(db: Database, { key, now = new Date() }: { key: string; now?: Date }): Promise<AuthenticatedKey | null> {
  const [row] = await db
    .select({ keyId: apiKeys.id, userId: apiKeys.userId, scopes: apiKeys.scopes, rateLimitPerMinute: apiKeys.rateLimitPerMinute, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashApiKey(key)))
    .limit(1);
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.keyId));
  }
  return { keyId: row.keyId, userId: row.userId, scopes: row.scopes as ApiScope[], rateLimitPerMinute: row.rateLimitPerMinute };
}

/**
 * Counts one request against the key's current one-minute window and says whether it is within
 * the allowance. One upsert: concurrent requests on any instance each get their own number.
 */
export async function takeRateLimit(
  db: Database,
  { keyId, limit, now = new Date() }: { keyId: string; limit: number; now?: Date },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db
    .insert(apiRateWindows)
    .values({ keyId, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.keyId, apiRateWindows.windowStart], set: { count: sql`${apiRateWindows.count} + 1` } })
    .returning({ count: apiRateWindows.count });
  // Old windows are of no use: drop them now and then rather than from a sweep.
  if (row!.count === 1) await db.delete(apiRateWindows).where(and(eq(apiRateWindows.keyId, keyId), sql`${apiRateWindows.windowStart} < ${windowStart.toISOString()}::timestamptz`));
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
  return { allowed: row!.count <= limit, retryAfterSeconds };
}

export interface ApiRequestOutcome {
  keyId: string;
  userId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  errorCode: string | null;
}

export async function recordApiRequest(db: Database, outcome: ApiRequestOutcome): Promise<void> {
  await db.insert(apiRequests).values({ ...outcome, durationMs: Math.max(0, Math.round(outcome.durationMs)) });
}

/** The latest requests made with one of the caller's keys (another user's key: not found). */
export async function listApiRequests(db: Database, { userId, keyId, limit = 50 }: { userId: string; keyId: string; limit?: number }): Promise<ApiRequestRecord[]> {
  const [owned] = await db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId))).limit(1);
  if (!owned) throw new AppError("not_found:api", "That API key does not exist.");
  return db
    .select({ id: apiRequests.id, keyId: apiRequests.keyId, method: apiRequests.method, route: apiRequests.route, status: apiRequests.status, durationMs: apiRequests.durationMs, errorCode: apiRequests.errorCode, createdAt: apiRequests.createdAt })
    .from(apiRequests)
    .where(and(eq(apiRequests.keyId, keyId), eq(apiRequests.userId, userId)))
    .orderBy(desc(apiRequests.createdAt), desc(apiRequests.id))
    .limit(limit);
}
