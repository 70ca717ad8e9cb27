import "server-only";
import { logError } from "@/lib/errors/log";
import { credentialKeyRing, resealIfOutdated } from "@/lib/gemini/crypto";
import type { KeyRing } from "@/lib/gemini/key-ring";
import type { Database } from "../index";
import { listCredentialsSealedWithOtherVersion, resealCredential } from "./credentials";

export interface RotationCounts {
  /** Sealed again with the current key. */
  resealed: number;
  /** Changed by someone else between read and write (saved anew, or re-sealed on use): left as it is. */
  skipped: number;
  /** Could not be opened with any key of the ring (a removed key, or a changed BETTER_AUTH_SECRET). */
  failed: number;
  currentVersion: number;
}

/**
 * Re-seals every stored credential that an older key version sealed, a batch at a time, with
 * the current one (`npm run credentials:rotate`). Safe to run again, and alongside the app:
 * each write applies only if the row is unchanged since it was read.
 */
export async function rotateCredentials(db: Database, { batchSize = 200, ring = credentialKeyRing() }: { batchSize?: number; ring?: KeyRing } = {}): Promise<RotationCounts> {
  const counts: RotationCounts = { resealed: 0, skipped: 0, failed: 0, currentVersion: ring.currentVersion };
  let afterId: string | null = null;
  for (;;) {
    const page = await listCredentialsSealedWithOtherVersion(db, { currentVersion: ring.currentVersion, afterId, limit: batchSize });
    for (const { id, userId, sealed } of page) {
      let to;
      try {
        to = resealIfOutdated(sealed, { userId }, ring);
      } catch (error) {
        counts.failed += 1;
        logError(`credentials:rotate: credential ${id} (key version ${sealed.keyVersion}) could not be opened`, error);
        continue;
      }
      if (to && (await resealCredential(db, { userId, from: sealed, to }))) counts.resealed += 1;
      else counts.skipped += 1;
    }
    if (page.length < batchSize) return counts;
    afterId = page.at(-1)!.id;
  }
}
