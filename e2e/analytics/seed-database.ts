import { spawnSync } from "node:child_process";
import path from "node:path";
import { openPglite } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { seedAnalyticsFixture } from "./fixture";

/**
 * Puts the analytics fixture into the fresh e2e database before the app opens it, then writes
 * its analytics rows with the real backfill command, the way an operator would.
 */
export async function seedE2eDatabase(dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const handle = await openPglite(path.resolve(dataDir, "pglite"));
  try {
    await migrateDatabase(handle);
    await seedAnalyticsFixture(handle.db);
  } finally {
    await handle.close();
  }
  const backfill = spawnSync("npm", ["run", "--silent", "db:backfill-analytics"], { env, stdio: ["ignore", "inherit", "inherit"] });
  if (backfill.status !== 0) throw new Error(`db:backfill-analytics failed (exit ${backfill.status ?? backfill.signal})`);
}
