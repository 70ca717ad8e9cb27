import "server-only";
import type { Database } from "@/db";
import { logError } from "@/lib/errors/log";
import { getMediaStorage } from "./storage";

/** A user's expired media is looked for at most this often per server instance. */
const THROTTLE_MS = 15 * 60_000;
const lastRun = new Map<string, number>();

/**
 * Deletes the user's media past their retention, throttled: called on ordinary activity (the
 * Live and replay pages) so retention holds even where no cron runs (a laptop). Never throws.
 */
export async function purgeUserMediaThrottled(db: Database, userId: string, now = Date.now()): Promise<void> {
  const last = lastRun.get(userId);
  if (last !== undefined && now - last < THROTTLE_MS) return;
  lastRun.set(userId, now);
  try {
    await getMediaStorage(db).purgeExpired({ userId, now: new Date(now) });
  } catch (error) {
    logError("purge-media on activity", error);
  }
}
