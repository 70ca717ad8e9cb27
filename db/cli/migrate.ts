import { env } from "@/lib/env";
import { openDatabase } from "../index";
import { migrateDatabase } from "../migrate";

const handle = await openDatabase();
const started = performance.now();
try {
  await migrateDatabase(handle);
  const target = handle.driver === "pglite" ? `${env.LIVEMIND_DATA_DIR}/pglite` : "DATABASE_URL";
  console.log(`Migrations applied (${handle.driver}, ${target}) in ${Math.round(performance.now() - started)} ms`);
} finally {
  await handle.close();
}
