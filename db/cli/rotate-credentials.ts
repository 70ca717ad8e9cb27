import { env, isEmbeddedDatabase } from "@/lib/env";
import { openDatabase } from "../index";
import { migrateDatabase } from "../migrate";
import { rotateCredentials } from "../queries/credentials-rotation";

// `npm run credentials:rotate`: re-seals every stored Gemini key with the newest key of the ring
// (CREDENTIALS_ENCRYPTION_KEYS). Prints counts only: never a key, never a user.
const handle = await openDatabase();
const started = performance.now();
try {
  if (isEmbeddedDatabase()) await migrateDatabase(handle);
  const { resealed, skipped, failed, currentVersion } = await rotateCredentials(handle.db);
  const target = handle.driver === "pglite" ? `${env.LIVEMIND_DATA_DIR}/pglite` : "DATABASE_URL";
  console.log(
    `Credentials re-sealed with key version ${currentVersion}: ${resealed} re-sealed, ${skipped} changed meanwhile (left as they are), ${failed} unreadable (${handle.driver}, ${target}) in ${Math.round(performance.now() - started)} ms`,
  );
  if (failed > 0) {
    console.log("Unreadable records need a key the ring no longer holds: add the old version back to CREDENTIALS_ENCRYPTION_KEYS and run again, or ask those users to save their key again.");
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
