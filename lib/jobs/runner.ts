import "server-only";
import type { Database } from "@/db";
import { claimDueJobs, completeJob, deferJob, failJob, type JobRow } from "@/db/queries/jobs";
import { describeError, logError } from "@/lib/errors/log";
import { backoffDelayMs } from "@/lib/live/backoff";
import { CircuitOpenError } from "./circuit-breaker";

/*
 * Runs due jobs from the job table. Each kind has one handler; a handler that throws is retried
 * with backoff, one that throws PermanentJobError is failed at once, and one stopped by an open
 * circuit is put back for when the circuit may close without spending an attempt, so an outage
 * longer than the retries still loses nothing.
 */

export type JobHandler = (db: Database, job: JobRow) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export const RETRY_BACKOFF = { initialMs: 15_000, maxMs: 30 * 60_000 };

export interface RunOptions {
  userId?: string;
  limit?: number;
  now?: () => Date;
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  deferred: number;
}

/** What a job row may say about an error: its class and code, never a message with content. */
const errorCode = (error: unknown) =>
  describeError(error)
    .causes.map((cause) => (cause.code ? `${cause.error}(${cause.code})` : cause.error))
    .join(" <- ");

export async function runDueJobs(db: Database, handlers: JobHandlers, { userId, limit = 5, now = () => new Date() }: RunOptions = {}): Promise<RunSummary> {
  const summary: RunSummary = { claimed: 0, done: 0, retried: 0, failed: 0, deferred: 0 };
  const claimed = await claimDueJobs(db, { now: now(), limit, userId, kinds: Object.keys(handlers) });
  summary.claimed = claimed.length;
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`No handler for job kind ${job.kind}`);
      await handler(db, job);
      await completeJob(db, { id: job.id, now: now() });
      summary.done += 1;
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        await deferJob(db, { id: job.id, until: error.retryAt, reason: "CircuitOpenError", now: now() });
        summary.deferred += 1;
        continue;
      }
      const permanent = error instanceof PermanentJobError;
      const at = now();
      const retryAt = permanent ? null : new Date(at.getTime() + backoffDelayMs(job.attempts, RETRY_BACKOFF));
      await failJob(db, { id: job.id, error: permanent ? `PermanentJobError: ${error.message}` : errorCode(error), retryAt, now: at });
      if (permanent || job.attempts >= job.maxAttempts) {
        summary.failed += 1;
        logError(`job:${job.kind}`, error);
      } else summary.retried += 1;
    }
  }
  return summary;
}
