import "server-only";
import type { Database } from "@/db";
import {
  deleteCredential,
  getCredentialSummary,
  getStoredCredential,
  resealCredential,
  upsertCredential,
  type CredentialSummary,
} from "@/db/queries/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { GeminiEndpoint } from "./client";
import { logError } from "@/lib/errors/log";
import { credentialKeyRing, openSecret, sealSecret } from "./crypto";
import type { GeminiKeySource, GeminiKeyStatus } from "./key-input";
import { validateGeminiKey } from "./key-validation";

/*
 * A user's Gemini key: validated against the API, sealed, and only ever opened here on the
 * server to mint ephemeral tokens. Nothing in this module returns the plaintext to a caller
 * outside lib/gemini except resolveGeminiKey, which the token minting uses.
 */

export interface GeminiKeyOptions {
  serverKey?: string | null;
}

const serverKeyOf = (options: GeminiKeyOptions) => (options.serverKey === undefined ? (env.GEMINI_API_KEY ?? null) : options.serverKey);

function toStatus(summary: CredentialSummary | null, serverKey: string | null): GeminiKeyStatus {
  const source: GeminiKeySource = summary ? "user" : serverKey ? "server" : "none";
  return {
    source,
    userKey: summary
      ? {
          lastFour: summary.lastFour,
          isValid: summary.isValid,
          validatedAt: summary.validatedAt?.toISOString() ?? null,
          updatedAt: summary.updatedAt.toISOString(),
        }
      : null,
    serverKeyAvailable: Boolean(serverKey),
  };
}

export async function getGeminiKeyStatus(db: Database, { userId }: { userId: string }, options: GeminiKeyOptions = {}): Promise<GeminiKeyStatus> {
  return toStatus(await getCredentialSummary(db, { userId }), serverKeyOf(options));
}

/** Validate, then seal and store (replacing any previous key). An invalid key stores nothing. */
export async function saveGeminiKey(
  db: Database,
  { userId, apiKey }: { userId: string; apiKey: string },
  options: GeminiKeyOptions & GeminiEndpoint = {},
): Promise<GeminiKeyStatus> {
  await validateGeminiKey(apiKey, options);
  const summary = await upsertCredential(db, {
    userId,
    sealed: sealSecret(apiKey, { userId }),
    lastFour: apiKey.slice(-4),
    validatedAt: new Date(),
  });
  return toStatus(summary, serverKeyOf(options));
}

export async function removeGeminiKey(db: Database, { userId }: { userId: string }, options: GeminiKeyOptions = {}): Promise<GeminiKeyStatus> {
  await deleteCredential(db, { userId });
  return toStatus(null, serverKeyOf(options));
}

export interface ResolvedGeminiKey {
  apiKey: string;
  source: Exclude<GeminiKeySource, "none">;
}

/** The key a conversation of this user runs on: their own, else the deployment's. */
export async function resolveGeminiKey(db: Database, { userId }: { userId: string }, options: GeminiKeyOptions = {}): Promise<ResolvedGeminiKey> {
  const stored = await getStoredCredential(db, { userId });
  if (stored) {
    let apiKey: string;
    try {
      apiKey = openSecret(stored.sealed, { userId });
    } catch (error) {
      throw new AppError("bad_request:gemini", "Your saved Gemini API key can no longer be read. Please add it again in Settings.", {
        cause: error,
      });
    }
    await resealOnUse(db, userId, stored.sealed, apiKey);
    return { apiKey, source: "user" };
  }
  const serverKey = serverKeyOf(options);
  if (serverKey) return { apiKey: serverKey, source: "server" };
  throw new AppError("bad_request:gemini", "Add your Gemini API key in Settings to start a conversation.");
}

/**
 * A record sealed with an older key version is sealed again with the newest as it is used, so a
 * rotation completes for active users without the CLI. Conditional on the row being unchanged,
 * so two requests doing it at once write once; a failure only postpones it to the next use.
 */
async function resealOnUse(db: Database, userId: string, sealed: StoredSealed, apiKey: string): Promise<void> {
  const ring = credentialKeyRing();
  if (sealed.keyVersion === ring.currentVersion) return;
  try {
    await resealCredential(db, { userId, from: sealed, to: sealSecret(apiKey, { userId }, ring) });
  } catch (error) {
    logError("credentials: re-seal on use", error);
  }
}

type StoredSealed = NonNullable<Awaited<ReturnType<typeof getStoredCredential>>>["sealed"];

export const rejectedKeyMessage = (source: ResolvedGeminiKey["source"]) =>
  source === "user"
    ? "Gemini rejected your API key. Replace it in Settings and try again."
    : "Gemini rejected this deployment's API key. Add your own key in Settings, or tell the person who runs LiveMind.";
