import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/*
 * What an API key is: `lm_` and 43 base64url characters (256 random bits). Only its SHA-256 is
 * stored: with that much entropy a slow password hash adds nothing, and lookups stay one index probe.
 */

export const API_SCOPES = ["sessions:read", "transcripts:read", "memories:read", "memories:write", "analytics:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_KEY_PREFIX = "lm_";
const PREFIX_SHOWN = API_KEY_PREFIX.length + 8;
export const API_KEY_PATTERN = /^lm_[A-Za-z0-9_-]{43}$/;
export const MAX_KEYS_PER_USER = 25;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX_SHOWN), hash: hashApiKey(key) };
}

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** The form's input: a name, at least one scope, and optionally the number of days it lives. */
export const createApiKeyInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name.")
    .max(80, "At most 80 characters.")
    .refine((value) => !value.includes("\u0000"), "Not a valid name."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope.").max(API_SCOPES.length),
  expiresInDays: z.number().int().min(1, "At least one day.").max(3650, "At most ten years.").nullable().optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

/** What the owner sees of a key: never the key or its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Past its expiry (by the database's clock when listed). */
  expired: boolean;
}

export interface ApiRequestRecord {
  id: number;
  keyId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  errorCode: string | null;
  createdAt: Date;
}
