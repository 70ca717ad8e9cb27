import "server-only";
import { logError } from "@/lib/errors/log";
import { credentialKeyRing, resealIfOutdated } from "@/lib/gemini/crypto";
import type { KeyRing } from "@/lib/gemini/key-ring";
import type { Database } from "../index";
import { listCredentialsSealedWithOtherVersion, resealCredential } from "./credentials";
import { listWebhookSecretsToReseal, openEndpointSecret } from "./webhook-secrets";

export interface RotationCounts {
  /** Sealed again with the current key. */
  resealed: number;
  /** Changed by someone else between read and write (saved anew, or re-sealed on use): left as it is. */
  skipped: number;
  /** Could not be opened with any key of the ring (a removed key, or a changed BETTER_AUTH_SECRET). */
  failed: number;
  currentVersion: number;
}

interface RotationOptions {
  batchSize?: number;
  ring?: KeyRing;
}

/**
 * The rotation loop shared by every sealed kind: pages in id order; `reseal` answers whether it
 * wrote the row (false: someone changed it meanwhile) and throws when the record cannot be opened.
 */
async function rotatePages<Row extends { id: string }>(
  ring: KeyRing,
  batchSize: number,
  { label, list, reseal }: { label: string; list: (afterId: string | null) => Promise<Row[]>; reseal: (row: Row) => Promise<boolean> },
): Promise<RotationCounts> {
  const counts: RotationCounts = { resealed: 0, skipped: 0, failed: 0, currentVersion: ring.currentVersion };
  let afterId: string | null = null;
  for (;;) {
    const page = await list(afterId);
    for (const row of page) {
      let written: boolean;
      try {
        written = await reseal(row);
      } catch (error) {
        counts.failed += 1;
        logError(`credentials:rotate: ${label} ${row.id} could not be opened`, error);
        continue;
      }
      if (written) counts.resealed += 1;
      else counts.skipped += 1;
    }
    if (page.length < batchSize) return counts;
    afterId = page.at(-1)!.id;
  }
}

/**
 * Re-seals every stored credential that an older key version sealed, a batch at a time, with
 * the current one (`npm run credentials:rotate`). Safe to run again, and alongside the app:
 * each write applies only if the row is unchanged since it was read.
 */
export async function rotateCredentials(db: Database, { batchSize = 200, ring = credentialKeyRing() }: RotationOptions = {}): Promise<RotationCounts> {
  return rotatePages(ring, batchSize, {
    label: "credential",
    list: (afterId) => listCredentialsSealedWithOtherVersion(db, { currentVersion: ring.currentVersion, afterId, limit: batchSize }),
    reseal: async ({ userId, sealed }) => {
      const to = resealIfOutdated(sealed, { userId }, ring);
      return Boolean(to && (await resealCredential(db, { userId, from: sealed, to })));
    },
  });
}

/**
 * The same for webhook signing secrets: those sealed with an older key are re-sealed, and those
 * still in clear (made before secrets were sealed, never used since) are sealed.
 */
export async function rotateWebhookSecrets(db: Database, { batchSize = 200, ring = credentialKeyRing() }: RotationOptions = {}): Promise<RotationCounts> {
  return rotatePages(ring, batchSize, {
    label: "webhook endpoint",
    list: async (afterId) =>
      (await listWebhookSecretsToReseal(db, { currentVersion: ring.currentVersion, afterId, limit: batchSize })).map((row) => ({ ...row, id: row.endpointId })),
    reseal: async (row) => (await openEndpointSecret(db, row, ring)).resealed,
  });
}
