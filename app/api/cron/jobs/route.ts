import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { authorizeCron } from "@/lib/http/cron";
import { withErrors } from "@/lib/http/route";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/runner";
import { enqueueDailyConsolidation } from "@/lib/memory/consolidate-job";

export const dynamic = "force-dynamic";

/** Retries background jobs that are due (DESIGN §9): the ones after() could not finish. */
const run = withErrors("cron-jobs", async (request: Request): Promise<Response> => {
  authorizeCron(request);
  const db = await getDb();
  // Recurring work becomes rows too (idempotent per day), then everything due runs.
  await enqueueDailyConsolidation(db);
  const summary = await runDueJobs(db, JOB_HANDLERS, { limit: 25 });
  return NextResponse.json(summary, { headers: { "cache-control": "no-store" } });
});

export const GET = run;
export const POST = run;
