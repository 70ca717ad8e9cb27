import "server-only";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { Database } from "../index";
import { jobs } from "../schema";

/*
 * The durable job table (DESIGN §9). Generic on purpose: a job is a kind, a user, a few ids and
 * a dedupe key; what a kind does lives in lib/jobs. Claiming is one UPDATE over rows picked with
 * FOR UPDATE SKIP LOCKED, so two workers (cron, after(), the user's next request) never take the
 * same row, and a worker that died leaves a lease that runs out.
 */

export type JobRow = typeof jobs.$inferSelect;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Tx;

export interface EnqueueJob {
  kind: string;
  userId: string | null;
  payload: Record<string, string>;
  /** Same key, same job: enqueueing twice is a no-op. */
  dedupeKey: string;
  runAt?: Date;
  maxAttempts?: number;
  /** A finished job with this key runs again (work that recurs per user, e.g. "embed what is new"). */
  requeue?: boolean;
}

/** Adds the job unless one with its dedupe key exists (or, with `requeue`, revives a finished one). Returns whether a row is now pending because of this call. */
export async function enqueueJob(db: Executor, job: EnqueueJob): Promise<{ created: boolean }> {
  const runAt = job.runAt ?? new Date();
  if (job.requeue) {
    const rows = await db
      .insert(jobs)
      .values({ kind: job.kind, userId: job.userId, payload: job.payload, dedupeKey: job.dedupeKey, nextRunAt: runAt, maxAttempts: job.maxAttempts ?? 10 })
      .onConflictDoUpdate({
        target: jobs.dedupeKey,
        set: { status: "pending", attempts: 0, nextRunAt: runAt, lastError: null, finishedAt: null, updatedAt: runAt },
        setWhere: sql`${jobs.status} in ('done', 'failed')`,
      })
      .returning({ id: jobs.id });
    return { created: rows.length > 0 };
  }
  const rows = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      userId: job.userId,
      payload: job.payload,
      dedupeKey: job.dedupeKey,
      nextRunAt: runAt,
      maxAttempts: job.maxAttempts ?? 10,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return { created: rows.length > 0 };
}

/**
 * Takes up to `limit` due jobs (pending and due, or running with a lapsed lease), marks them
 * running with a lease (JOBS_LEASE_SECONDS) and counts the attempt. `userId` limits it to one user's jobs (work
 * picked up on that user's activity).
 */
export async function claimDueJobs(
  db: Database,
  { now = new Date(), limit = 5, leaseMs = env.JOBS_LEASE_SECONDS * 1000, userId, kinds }: { now?: Date; limit?: number; leaseMs?: number; userId?: string; kinds?: string[] } = {},
): Promise<JobRow[]> {
  const due = or(
    and(eq(jobs.status, "pending"), lte(jobs.nextRunAt, now)),
    and(eq(jobs.status, "running"), lte(jobs.leaseUntil, now)),
  );
  const picked = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(due, userId ? eq(jobs.userId, userId) : undefined, kinds?.length ? inArray(jobs.kind, kinds) : undefined))
    .orderBy(asc(jobs.nextRunAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: "running",
      attempts: sql`${jobs.attempts} + 1`,
      leaseUntil: new Date(now.getTime() + leaseMs),
      updatedAt: now,
    })
    .where(and(inArray(jobs.id, picked), due))
    .returning();
}

export async function completeJob(db: Executor, { id, now = new Date() }: { id: string; now?: Date }): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "done", leaseUntil: null, lastError: null, finishedAt: now, updatedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, "running")));
}

/**
 * A failed attempt: retried at `retryAt`, or failed for good when `retryAt` is null or the
 * attempts are used up. `error` is a code or a scrubbed message, never content.
 */
export async function failJob(
  db: Executor,
  { id, error, retryAt, now = new Date() }: { id: string; error: string; retryAt: Date | null; now?: Date },
): Promise<void> {
  const giveUp = retryAt === null ? sql`true` : sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
  await db
    .update(jobs)
    .set({
      status: sql`case when ${giveUp} then 'failed'::job_status else 'pending'::job_status end`,
      nextRunAt: retryAt ?? now,
      finishedAt: sql`case when ${giveUp} then ${now.toISOString()}::timestamptz else null end`,
      leaseUntil: null,
      lastError: error.slice(0, 500),
      updatedAt: now,
    })
    .where(and(eq(jobs.id, id), eq(jobs.status, "running")));
}

/** Puts a claimed job back without spending its attempt (the model's circuit is open). */
export async function deferJob(db: Executor, { id, until, reason, now = new Date() }: { id: string; until: Date; reason: string; now?: Date }): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "pending", attempts: sql`greatest(${jobs.attempts} - 1, 0)`, nextRunAt: until, leaseUntil: null, lastError: reason, updatedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, "running")));
}

export interface JobCounts {
  pending: number;
  running: number;
  failed: number;
  done: number;
}

/** Counts by status for the admin page: metadata only. */
export async function countJobs(db: Database, { kind }: { kind?: string } = {}): Promise<JobCounts> {
  const rows = await db
    .select({ status: jobs.status, count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(kind ? eq(jobs.kind, kind) : undefined)
    .groupBy(jobs.status);
  const counts: JobCounts = { pending: 0, running: 0, failed: 0, done: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** One job by its dedupe key (tests and status checks). */
export async function getJobByKey(db: Database, { dedupeKey }: { dedupeKey: string }): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
  return row ?? null;
}
