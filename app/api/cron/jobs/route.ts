import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { authorizeCron } from "@/lib/http/cron";
import { withErrors } from "@/lib/http/route";
import { deliverAlertChange } from "@/lib/alerts/deliver";
import { evaluateAlertRules } from "@/lib/alerts/evaluate";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/runner";
import { enqueueDailyConsolidation } from "@/lib/memory/consolidate-job";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

/** Retries background jobs that are due (DESIGN §9): the ones after() could not finish; then evaluates the alert rules. */
const run = withErrors("cron-jobs", async (request: Request): Promise<Response> => {
  authorizeCron(request);
  const db = await getDb();
  // Recurring work becomes rows too (idempotent per day), then everything due runs.
  await enqueueDailyConsolidation(db);
  const summary = await runDueJobs(db, JOB_HANDLERS, { limit: 25 });
  // The deployment watches itself on the same schedule: every enabled alert rule, every run.
  const alerts = await evaluateAlertRules(db, { deliver: deliverAlertChange });
  return NextResponse.json({ ...summary, alerts }, { headers: { "cache-control": "no-store" } });
});

export const GET = run;
export const POST = run;
