import { hkdfSync } from "node:crypto";

/*
 * The keys that seal users' Gemini keys and webhook signing secrets, by version. New records are sealed with the newest;
 * any listed version opens. Sources, from the configuration (lib/env.ts):
 *  - CREDENTIALS_ENCRYPTION_KEYS: "version:base64key" entries, comma-separated (the rotation form);
 *  - CREDENTIALS_ENCRYPTION_KEY + CREDENTIALS_KEY_VERSION: the older single-key form, still read;
 *  - neither: a key derived with HKDF from the auth secret, per version.
 * The derived key stays available for versions no explicit key names, so rows sealed before a
 * deployment configured its own keys still open (as long as BETTER_AUTH_SECRET is unchanged),
 * and are re-sealed with the newest key on use or by `npm run credentials:rotate`.
 */

export interface KeyRing {
  /** The version new records are sealed with: the highest configured. */
  readonly currentVersion: number;
  /** The versions that have an explicit key (the derived key opens any other). */
  readonly versions: readonly number[];
  keyFor(version: number): Buffer;
}

export interface KeyRingSource {
  keys?: string;
  legacyKey?: string;
  legacyVersion: number;
  /** Read only when a derived key is needed (the embedded setup may create the secret file). */
  authSecret: () => string;
}

const HKDF_INFO = "livemind/api-credentials";
const ENTRY = /^(\d{1,6}):([A-Za-z0-9+/=_-]+)$/;

function decodeKey(base64: string, label: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error(`${label} must be 32 bytes, base64-encoded`);
  return key;
}

/** "1:abc…,2:def…" → version → key. Throws a message that names the entry, never the key. */
export function parseKeyEntries(value: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  entries.forEach((entry, index) => {
    const match = ENTRY.exec(entry);
    if (!match) throw new Error(`CREDENTIALS_ENCRYPTION_KEYS entry ${index + 1} must look like version:base64key`);
    const version = Number(match[1]);
    if (version < 1) throw new Error(`CREDENTIALS_ENCRYPTION_KEYS entry ${index + 1}: versions start at 1`);
    if (keys.has(version)) throw new Error(`CREDENTIALS_ENCRYPTION_KEYS lists version ${version} twice`);
    keys.set(version, decodeKey(match[2]!, `CREDENTIALS_ENCRYPTION_KEYS version ${version}`));
  });
  return keys;
}

export function derivedKey(authSecret: string, version: number): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, `livemind-credentials-v${version}`, HKDF_INFO, 32));
}

export function buildKeyRing({ keys, legacyKey, legacyVersion, authSecret }: KeyRingSource): KeyRing {
  const explicit = keys ? parseKeyEntries(keys) : new Map<number, Buffer>();
  if (legacyKey && !explicit.has(legacyVersion)) explicit.set(legacyVersion, decodeKey(legacyKey, "CREDENTIALS_ENCRYPTION_KEY"));
  const versions = [...explicit.keys()].sort((a, b) => a - b);
  const currentVersion = versions.at(-1) ?? legacyVersion;
  const derived = new Map<number, Buffer>();
  return {
    currentVersion,
    versions,
    keyFor(version) {
      // Nothing was ever sealed above the current version: such a record is not ours.
      if (!Number.isInteger(version) || version < 1 || version > currentVersion) {
        throw new Error(`no encryption key for version ${version} (current is ${currentVersion})`);
      }
      const key = explicit.get(version);
      if (key) return key;
      let fallback = derived.get(version);
      if (!fallback) derived.set(version, (fallback = derivedKey(authSecret(), version)));
      return fallback;
    },
  };
}
