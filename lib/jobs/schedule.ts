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
  after(async () => {
    try {
      await runDueJobs(await getDb(), JOB_HANDLERS, { userId });
    } catch (error) {
      logError("jobs:after", error);
    }
  });
}
