import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/*
 * Zero-config rule: a deployment with a DATABASE_URL must set BETTER_AUTH_SECRET (lib/env.ts
 * enforces it). The embedded laptop setup generates one on first use and keeps it beside the
 * database, so sessions survive restarts without anyone editing a file.
 */
export function resolveAuthSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const file = path.resolve(env.LIVEMIND_DATA_DIR, "auth-secret");
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another worker wrote it first: use theirs so both sign the same cookies.
    const theirs = readFileSync(file, "utf8").trim();
    if (theirs.length >= 32) return theirs;
    // A truncated or hand-edited file is too weak to sign sessions with: replace it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}
