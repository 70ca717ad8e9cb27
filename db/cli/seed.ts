import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { openDatabase } from "../index";
import { migrateDatabase } from "../migrate";
import { DEFAULT_SEED, newSeedTag, seedDatabase } from "../seed/seed";

/* `npm run db:seed -- --users 50 --sessions 2000 --turns 20 --days 90`: see db/seed/seed.ts. */

const { values } = parseArgs({
  options: {
    users: { type: "string" },
    sessions: { type: "string" },
    turns: { type: "string" },
    days: { type: "string" },
    tag: { type: "string" },
  },
});

function count(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    console.error(`--${name} must be a whole number of at least ${min}, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

const options = {
  ...DEFAULT_SEED,
  users: count("users", values.users, DEFAULT_SEED.users),
  sessions: count("sessions", values.sessions, DEFAULT_SEED.sessions, 0),
  turnsPerSession: count("turns", values.turns, DEFAULT_SEED.turnsPerSession),
  days: count("days", values.days, DEFAULT_SEED.days),
  tag: values.tag ?? newSeedTag(),
};

const handle = await openDatabase();
try {
  await migrateDatabase(handle);
  const result = await seedDatabase(handle.db, options);
  const where = handle.driver === "pglite" ? `${env.LIVEMIND_DATA_DIR}/pglite` : "DATABASE_URL";
  console.log(
    `Seeded ${result.users} users, ${result.sessions} conversations and ${result.transcriptions} turns into ${handle.driver} (${where}) in ${(result.millis / 1000).toFixed(1)} s.\n` +
      `Sign in as ${result.sampleEmail} (or any seed-${result.tag}-N@livemind.example) with the password "${result.password}".`,
  );
} finally {
  await handle.close();
}
