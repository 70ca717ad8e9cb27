import "server-only";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../index";

export interface DatabaseHealth {
  reachable: boolean;
  driver: DatabaseHandle["driver"];
  latencyMs: number;
}

export async function checkDatabase(handle: DatabaseHandle): Promise<DatabaseHealth> {
  const started = performance.now();
  await handle.db.execute(sql`select 1`);
  return { reachable: true, driver: handle.driver, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}
