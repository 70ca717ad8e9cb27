import { env, isEmbeddedDatabase } from "@/lib/env";
import { openDatabase } from "../index";
import { migrateDatabase } from "../migrate";
import { backfillSessionAnalytics } from "../queries/analytics-backfill";

// `npm run db:backfill-analytics`: run with the react-server condition, as the DAL is server-only.
const handle = await openDatabase();
const started = performance.now();
try {
  if (isEmbeddedDatabase()) await migrateDatabase(handle);
  const { written, failed } = await backfillSessionAnalytics(handle.db);
  const target = handle.driver === "pglite" ? `${env.LIVEMIND_DATA_DIR}/pglite` : "DATABASE_URL";
  console.log(`Session analytics backfilled: ${written} ${written === 1 ? "conversation" : "conversations"} (${handle.driver}, ${target}) in ${Math.round(performance.now() - started)} ms${failed > 0 ? `; ${failed} could not be written (see the errors above)` : ""}`);
  if (failed > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
