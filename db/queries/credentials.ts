import "server-only";
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { env } from "@/lib/env";
import type { SealedSecret } from "@/lib/gemini/crypto";
import type { Database } from "../index";
import { apiCredentials } from "../schema";

const PROVIDER = "gemini";

export interface CredentialSummary {
  lastFour: string;
  isValid: boolean;
  validatedAt: Date | null;
  updatedAt: Date;
}

export interface StoredCredential extends CredentialSummary {
  sealed: SealedSecret;
}

const mine = (userId: string) => and(eq(apiCredentials.userId, userId), eq(apiCredentials.provider, PROVIDER));

/** What may be shown about the user's key: never the ciphertext, never the key. */
export async function getCredentialSummary(db: Database, { userId }: { userId: string }): Promise<CredentialSummary | null> {
  const [row] = await db
    .select({
      lastFour: apiCredentials.lastFour,
      isValid: apiCredentials.isValid,
      validatedAt: apiCredentials.validatedAt,
      updatedAt: apiCredentials.updatedAt,
    })
    .from(apiCredentials)
    .where(mine(userId))
    .limit(1);
  return row ?? null;
}

export interface CredentialStatus {
  hasOwnKey: boolean;
  lastFour: string | null;
  isValid: boolean | null;
  /** A deployment-wide GEMINI_API_KEY serves users without their own. */
  serverKeyAvailable: boolean;
}

/** Whether a conversation can start, and on which key: for pages (Live, Settings). */
export async function getCredentialStatus(db: Database, { userId }: { userId: string }): Promise<CredentialStatus> {
  const summary = await getCredentialSummary(db, { userId });
  return {
    hasOwnKey: Boolean(summary),
    lastFour: summary?.lastFour ?? null,
    isValid: summary?.isValid ?? null,
    serverKeyAvailable: Boolean(env.GEMINI_API_KEY),
  };
}

/** The sealed record, for lib/gemini to open on the server. */
export async function getStoredCredential(db: Database, { userId }: { userId: string }): Promise<StoredCredential | null> {
  const [row] = await db.select().from(apiCredentials).where(mine(userId)).limit(1);
  if (!row) return null;
  const { ciphertext, iv, authTag, keyVersion, lastFour, isValid, validatedAt, updatedAt } = row;
  return { sealed: { ciphertext, iv, authTag, keyVersion }, lastFour, isValid, validatedAt, updatedAt };
}

/** Adds or replaces the user's key (one per user). */
export async function upsertCredential(
  db: Database,
  { userId, sealed, lastFour, validatedAt }: { userId: string; sealed: SealedSecret; lastFour: string; validatedAt: Date },
): Promise<CredentialSummary> {
  const values = { ...sealed, provider: PROVIDER, lastFour, isValid: true, validatedAt, updatedAt: validatedAt };
  const [row] = await db
    .insert(apiCredentials)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: apiCredentials.userId, set: values })
    .returning();
  if (!row) throw new Error("credential upsert returned no row");
  return { lastFour: row.lastFour, isValid: row.isValid, validatedAt: row.validatedAt, updatedAt: row.updatedAt };
}

/** Gemini refused a stored key later (revoked, expired): Settings says so. */
export async function markCredentialInvalid(db: Database, { userId }: { userId: string }): Promise<void> {
  await db.update(apiCredentials).set({ isValid: false, updatedAt: new Date() }).where(mine(userId));
}

export async function deleteCredential(db: Database, { userId }: { userId: string }): Promise<boolean> {
  const rows = await db.delete(apiCredentials).where(mine(userId)).returning({ id: apiCredentials.id });
  return rows.length > 0;
}

/**
 * Replaces a record sealed with an older key by the same secret sealed with the newest, only if
 * the row still holds what was read: a concurrent save or re-seal wins, and a second run is a no-op.
 */
export async function resealCredential(
  db: Database,
  { userId, from, to }: { userId: string; from: SealedSecret; to: SealedSecret },
): Promise<boolean> {
  const rows = await db
    .update(apiCredentials)
    .set({ ...to })
    .where(and(mine(userId), eq(apiCredentials.ciphertext, from.ciphertext), eq(apiCredentials.keyVersion, from.keyVersion)))
    .returning({ id: apiCredentials.id });
  return rows.length > 0;
}

export interface SealedCredentialRow {
  id: string;
  userId: string;
  sealed: SealedSecret;
}

/**
 * Maintenance (`npm run credentials:rotate`), not a user's request: one page of the records
 * sealed with another version than `currentVersion`, in id order after `afterId`.
 */
export async function listCredentialsSealedWithOtherVersion(
  db: Database,
  { currentVersion, afterId, limit }: { currentVersion: number; afterId: string | null; limit: number },
): Promise<SealedCredentialRow[]> {
  const rows = await db
    .select()
    .from(apiCredentials)
    .where(and(ne(apiCredentials.keyVersion, currentVersion), afterId ? gt(apiCredentials.id, afterId) : undefined))
    .orderBy(asc(apiCredentials.id))
    .limit(limit);
  return rows.map(({ id, userId, ciphertext, iv, authTag, keyVersion }) => ({ id, userId, sealed: { ciphertext, iv, authTag, keyVersion } }));
}
