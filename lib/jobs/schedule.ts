import "server-only";
import { after } from "next/server";
import { getDb } from "@/db";
import { logError } from "@/lib/errors/log";
import { JOB_HANDLERS } from "./handlers";
import { runDueJobs } from "./runner";

/**
 * Runs due jobs once the response has been sent (Next's after(): on Vercel the function stays
 * up for it). `userId` limits the run to that user's jobs: work picked up on their activity.
 * Anything left (a crash, a timeout) is still in the table for the cron route.
 */
export function runJobsAfterResponse({ userId }: { userId?: string } = {}): void {
  runAfterResponse("jobs:after", async () => {
    await runDueJobs(await getDb(), JOB_HANDLERS, { userId });
  });
}

/** `task` after the response; outside a request (scripts, tests) it is skipped, the cron route catches up. */
export function runAfterResponse(operation: string, task: () => Promise<void>): void {
  try {
    after(async () => {
      try {
        await task();
      } catch (error) {
        logError(operation, error);
      }
    });
  } catch {
    // after() throws outside a request scope: nothing is lost, the work is in the job table.
  }
}
