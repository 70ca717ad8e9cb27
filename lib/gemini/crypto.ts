import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

/*
 * Users' Gemini keys at rest: AES-256-GCM, a random 96-bit IV per record, and the owner's user
 * id as associated data, so a ciphertext copied onto another user's row fails to decrypt.
 * The key comes from CREDENTIALS_ENCRYPTION_KEY, or is derived with HKDF from the auth secret.
 * keyVersion names the key a record was sealed with, so a rotation can re-seal old rows.
 */

export interface SealedSecret {
  ciphertext: string;
  iv: string;
  authTag: string;
  keyVersion: number;
}

const HKDF_INFO = "livemind/api-credentials";

function keyFor(version: number): Buffer {
  if (version !== env.CREDENTIALS_KEY_VERSION) {
    throw new Error(`no encryption key for version ${version} (current is ${env.CREDENTIALS_KEY_VERSION})`);
  }
  if (env.CREDENTIALS_ENCRYPTION_KEY) {
    const key = Buffer.from(env.CREDENTIALS_ENCRYPTION_KEY, "base64");
    if (key.length !== 32) throw new Error("CREDENTIALS_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
    return key;
  }
  const salt = `livemind-credentials-v${version}`;
  return Buffer.from(hkdfSync("sha256", resolveAuthSecret(), salt, HKDF_INFO, 32));
}

export function sealSecret(plaintext: string, { userId }: { userId: string }): SealedSecret {
  const keyVersion = env.CREDENTIALS_KEY_VERSION;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(keyVersion), iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    ciphertext: ciphertext.toString("base64"),
    iv: iv.toString("base64"),
    authTag: cipher.getAuthTag().toString("base64"),
    keyVersion,
  };
}

/** Throws if the record was altered, sealed for another user, or sealed with another key. */
export function openSecret(sealed: SealedSecret, { userId }: { userId: string }): string {
  const decipher = createDecipheriv("aes-256-gcm", keyFor(sealed.keyVersion), Buffer.from(sealed.iv, "base64"));
  decipher.setAAD(Buffer.from(userId, "utf8"));
  decipher.setAuthTag(Buffer.from(sealed.authTag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
}
