import path from "node:path";
import { defineConfig } from "drizzle-kit";
import { env, isEmbeddedDatabase } from "./lib/env";

// drizzle-kit diffs the schema into SQL (db:generate) and serves Studio (db:studio);
// migrations are applied by db/migrate.ts so that every driver shares one path.
// Studio on the embedded database needs the dev server stopped: PGlite allows one process.
const shared = { schema: "./db/schema/index.ts", out: "./db/migrations" } as const;

export default isEmbeddedDatabase()
  ? defineConfig({
      ...shared,
      dialect: "postgresql",
      driver: "pglite",
      dbCredentials: { url: path.join(env.LIVEMIND_DATA_DIR, "pglite") },
    })
  : defineConfig({
      ...shared,
      dialect: "postgresql",
      dbCredentials: { url: env.DATABASE_URL ?? "" },
    });
