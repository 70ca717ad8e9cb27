import { env, isEmbeddedDatabase } from "@/lib/env";
import { openDatabase } from "../index";
import { migrateDatabase } from "../migrate";
import { rotateCredentials, rotateWebhookSecrets } from "../queries/credentials-rotation";

// `npm run credentials:rotate`: re-seals every stored Gemini key and webhook signing secret with
// the newest key of the ring (CREDENTIALS_ENCRYPTION_KEYS), and seals webhook secrets still in
// clear. Prints counts only: never a key, never a secret, never a user.
const handle = await openDatabase();
const started = performance.now();
try {
  if (isEmbeddedDatabase()) await migrateDatabase(handle);
  const { resealed, skipped, failed, currentVersion } = await rotateCredentials(handle.db);
  const target = handle.driver === "pglite" ? `${env.LIVEMIND_DATA_DIR}/pglite` : "DATABASE_URL";
  console.log(
    `Credentials re-sealed with key version ${currentVersion}: ${resealed} re-sealed, ${skipped} changed meanwhile (left as they are), ${failed} unreadable (${handle.driver}, ${target}) in ${Math.round(performance.now() - started)} ms`,
  );
  const webhooks = await rotateWebhookSecrets(handle.db);
  console.log(
    `Webhook signing secrets sealed with key version ${webhooks.currentVersion}: ${webhooks.resealed} sealed or re-sealed, ${webhooks.skipped} changed meanwhile (left as they are), ${webhooks.failed} unreadable`,
  );
  if (failed + webhooks.failed > 0) {
    console.log("Unreadable records need a key the ring no longer holds: add the old version back to CREDENTIALS_ENCRYPTION_KEYS and run again, or ask those users to save their key again (or to register the webhook again).");
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
