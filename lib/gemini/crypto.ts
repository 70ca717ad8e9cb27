import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { buildKeyRing, type KeyRing } from "./key-ring";

/*
 * Users' Gemini keys (and webhook signing secrets, db/queries/webhook-secrets.ts) at rest:
 * AES-256-GCM, a random 96-bit IV per record, and the owner's user id as associated data, so a
 * ciphertext copied onto another user's row fails to decrypt.
 * keyVersion names the key a record was sealed with: the key ring (./key-ring.ts) seals with the
 * newest version and opens every configured one, so keys rotate without losing a record.
 */

export interface SealedSecret {
  ciphertext: string;
  iv: string;
  authTag: string;
  keyVersion: number;
}

let configured: KeyRing | undefined;

/** The ring from the configuration, built on first use (the embedded setup may create the secret then). */
export function credentialKeyRing(): KeyRing {
  configured ??= buildKeyRing({
    keys: env.CREDENTIALS_ENCRYPTION_KEYS,
    legacyKey: env.CREDENTIALS_ENCRYPTION_KEY,
    legacyVersion: env.CREDENTIALS_KEY_VERSION,
    authSecret: resolveAuthSecret,
  });
  return configured;
}

export function sealSecret(plaintext: string, { userId }: { userId: string }, ring: KeyRing = credentialKeyRing()): SealedSecret {
  const keyVersion = ring.currentVersion;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.keyFor(keyVersion), iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    ciphertext: ciphertext.toString("base64"),
    iv: iv.toString("base64"),
    authTag: cipher.getAuthTag().toString("base64"),
    keyVersion,
  };
}

/** Throws if the record was altered, sealed for another user, or sealed with a key the ring lacks. */
export function openSecret(sealed: SealedSecret, { userId }: { userId: string }, ring: KeyRing = credentialKeyRing()): string {
  const decipher = createDecipheriv("aes-256-gcm", ring.keyFor(sealed.keyVersion), Buffer.from(sealed.iv, "base64"));
  decipher.setAAD(Buffer.from(userId, "utf8"));
  decipher.setAuthTag(Buffer.from(sealed.authTag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
}

/** A record sealed with an older key, sealed again with the newest; null when it already is. */
export function resealIfOutdated(sealed: SealedSecret, owner: { userId: string }, ring: KeyRing = credentialKeyRing()): SealedSecret | null {
  if (sealed.keyVersion === ring.currentVersion) return null;
  return sealSecret(openSecret(sealed, owner, ring), owner, ring);
}
