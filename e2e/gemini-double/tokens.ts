import { randomBytes } from "node:crypto";

/*
 * Ephemeral auth tokens as `POST /v1alpha/auth_tokens` mints them. Semantics from the API
 * reference (AuthToken): `uses` defaults to 1 and 0 means unlimited; a resumed session does not
 * count as a use; `newSessionExpireTime` (default now + 60 s) gates new sessions and
 * `expireTime` (default now + 30 min) gates every message; both must be under 20 h away.
 */

export interface StoredToken {
  name: string;
  createdAt: number;
  expireTime: number;
  newSessionExpireTime: number;
  /** 0 = unlimited. */
  uses: number;
  usesConsumed: number;
  /** `bidiGenerateContentSetup` locked by the token, when the request sent constraints. */
  constraints: Record<string, unknown> | null;
  fieldMask: string | null;
}

export type TokenCheck =
  | { ok: true; token: StoredToken }
  | { ok: false; reason: string };

const MAX_AHEAD_MS = 20 * 60 * 60 * 1000;

export class TokenStore {
  private readonly tokens = new Map<string, StoredToken>();

  mint(input: {
    expireTime?: number;
    newSessionExpireTime?: number;
    uses?: number;
    constraints?: Record<string, unknown> | null;
    fieldMask?: string | null;
  }): StoredToken {
    const now = Date.now();
    const token: StoredToken = {
      name: `auth_tokens/${randomBytes(24).toString("hex")}`,
      createdAt: now,
      expireTime: input.expireTime ?? now + 30 * 60 * 1000,
      newSessionExpireTime: input.newSessionExpireTime ?? now + 60 * 1000,
      uses: input.uses ?? 1,
      usesConsumed: 0,
      constraints: input.constraints ?? null,
      fieldMask: input.fieldMask ?? null,
    };
    this.tokens.set(token.name, token);
    return token;
  }

  /** The API rejects expiry times in the past or 20 hours or more ahead. */
  static validExpiry(ms: number): boolean {
    const ahead = ms - Date.now();
    return ahead > 0 && ahead < MAX_AHEAD_MS;
  }

  /** Checks a token for a connection; `resuming` sessions neither need nor consume a use. */
  check(name: string | null, { resuming }: { resuming: boolean }): TokenCheck {
    const token = name ? this.tokens.get(name) : undefined;
    const now = Date.now();
    if (!token) return { ok: false, reason: "Invalid auth token." };
    if (now >= token.expireTime) return { ok: false, reason: "Auth token has expired." };
    if (resuming) return { ok: true, token };
    if (now >= token.newSessionExpireTime) {
      return { ok: false, reason: "Auth token can no longer be used to start a new session." };
    }
    if (token.uses !== 0 && token.usesConsumed >= token.uses) {
      return { ok: false, reason: "Auth token has been used too many times." };
    }
    return { ok: true, token };
  }

  consume(token: StoredToken): void {
    token.usesConsumed += 1;
  }

  list(): StoredToken[] {
    return [...this.tokens.values()];
  }

  clear(): void {
    this.tokens.clear();
  }
}
