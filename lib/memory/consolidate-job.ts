import "server-only";
import type { Database } from "@/db";
import { enqueueJob, type JobRow } from "@/db/queries/jobs";
import { consolidateMemories, foldOldConversations, usersWithMemories } from "@/db/queries/memory-consolidate";
import { PermanentJobError } from "@/lib/jobs/runner";
import { MEMORY_CONSOLIDATE_JOB } from "./job-kinds";

const DAY_MS = 86_400_000;

/** Once a day per user (the dedupe key names the day): called from the cron route. */
export async function enqueueDailyConsolidation(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  // What was added since the start of yesterday is compared, so a late run misses nothing.
  const since = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString();
  let added = 0;
  for (const userId of await usersWithMemories(db)) {
    const { created } = await enqueueJob(db, { kind: MEMORY_CONSOLIDATE_JOB, userId, payload: { since }, dedupeKey: `${MEMORY_CONSOLIDATE_JOB}:${userId}:${day}`, runAt: now });
    if (created) added += 1;
  }
  return added;
}

export async function runMemoryConsolidationJob(db: Database, job: JobRow): Promise<void> {
  const since = job.payload.since ? new Date(job.payload.since) : null;
  if (!job.userId || !since || Number.isNaN(since.getTime())) throw new PermanentJobError("payload without a user or date");
  await consolidateMemories(db, { userId: job.userId, since });
  await foldOldConversations(db, { userId: job.userId });
}
