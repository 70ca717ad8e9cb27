import "server-only";
import { and, asc, eq, gt, isNotNull, ne, or } from "drizzle-orm";
import { credentialKeyRing, openSecret, sealSecret, type SealedSecret } from "@/lib/gemini/crypto";
import type { KeyRing } from "@/lib/gemini/key-ring";
import type { Database } from "../index";
import { webhookEndpoints } from "../schema";

/*
 * Webhook signing secrets at rest: sealed with the same envelope as users' Gemini keys (the
 * owner's user id as associated data, the key ring's versions). Rows made before sealing hold
 * the plaintext in `secret`; each is sealed when it next signs a delivery, or by
 * `npm run credentials:rotate`. Every write applies only if the row still holds what was read,
 * so a concurrent seal, re-seal or rotation wins and nothing is sealed twice over.
 */

export const secretColumns = {
  secret: webhookEndpoints.secret,
  secretCiphertext: webhookEndpoints.secretCiphertext,
  secretIv: webhookEndpoints.secretIv,
  secretAuthTag: webhookEndpoints.secretAuthTag,
  secretKeyVersion: webhookEndpoints.secretKeyVersion,
};

export interface EndpointSecretRow {
  endpointId: string;
  userId: string;
  secret: string | null;
  secretCiphertext: string | null;
  secretIv: string | null;
  secretAuthTag: string | null;
  secretKeyVersion: number | null;
}

/** The columns that store `sealed` (and empty the plaintext). */
export const sealedSecretValues = (sealed: SealedSecret) => ({
  secret: null,
  secretCiphertext: sealed.ciphertext,
  secretIv: sealed.iv,
  secretAuthTag: sealed.authTag,
  secretKeyVersion: sealed.keyVersion,
});

/** What the row holds: its plaintext (a legacy row) or its sealed record. The check constraint guarantees one. */
function storedSecretOf(row: EndpointSecretRow): { plaintext: string } | { sealed: SealedSecret } {
  if (row.secret !== null) return { plaintext: row.secret };
  return { sealed: { ciphertext: row.secretCiphertext!, iv: row.secretIv!, authTag: row.secretAuthTag!, keyVersion: row.secretKeyVersion! } };
}

/**
 * Replaces what was read (plaintext or an older seal) by `to`, only if the row is unchanged.
 * Returns whether this call wrote it.
 */
async function resealWebhookSecret(
  db: Database,
  { endpointId, userId, from, to }: { endpointId: string; userId: string; from: { plaintext: string } | { sealed: SealedSecret }; to: SealedSecret },
): Promise<boolean> {
  const unchanged =
    "plaintext" in from
      ? eq(webhookEndpoints.secret, from.plaintext)
      : and(eq(webhookEndpoints.secretCiphertext, from.sealed.ciphertext), eq(webhookEndpoints.secretKeyVersion, from.sealed.keyVersion));
  const rows = await db
    .update(webhookEndpoints)
    .set(sealedSecretValues(to))
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId), unchanged))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/**
 * The signing secret in clear, for the delivery job and the rotation only (never returned to a
 * caller outside the server, never logged). A plaintext row is sealed now, an older seal
 * re-sealed with the current key; `resealed` says whether this call wrote the row.
 */
export async function openEndpointSecret(db: Database, row: EndpointSecretRow, ring: KeyRing = credentialKeyRing()): Promise<{ plaintext: string; resealed: boolean }> {
  const stored = storedSecretOf(row);
  const owner = { userId: row.userId };
  const plaintext = "plaintext" in stored ? stored.plaintext : openSecret(stored.sealed, owner, ring);
  const outdated = "plaintext" in stored || stored.sealed.keyVersion !== ring.currentVersion;
  const resealed = outdated && (await resealWebhookSecret(db, { endpointId: row.endpointId, userId: row.userId, from: stored, to: sealSecret(plaintext, owner, ring) }));
  return { plaintext, resealed };
}

/**
 * Maintenance (`npm run credentials:rotate`), not a user's request: one page of the endpoints
 * whose secret is still in clear or sealed with another version than `currentVersion`, in id order.
 */
export async function listWebhookSecretsToReseal(
  db: Database,
  { currentVersion, afterId, limit }: { currentVersion: number; afterId: string | null; limit: number },
): Promise<EndpointSecretRow[]> {
  return db
    .select({ endpointId: webhookEndpoints.id, userId: webhookEndpoints.userId, ...secretColumns })
    .from(webhookEndpoints)
    .where(and(or(isNotNull(webhookEndpoints.secret), ne(webhookEndpoints.secretKeyVersion, currentVersion)), afterId ? gt(webhookEndpoints.id, afterId) : undefined))
    .orderBy(asc(webhookEndpoints.id))
    .limit(limit);
}
