import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { backfillSessionAnalytics } from "@/db/queries/analytics-backfill";
import { authorizeCron } from "@/lib/http/cron";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

/** Writes the analytics rows ended conversations are missing (an end never waits on them). */
const backfill = withErrors("cron-backfill-analytics", async (request: Request): Promise<Response> => {
  authorizeCron(request);
  const result = await backfillSessionAnalytics(await getDb());
  return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
});

export const GET = backfill;
export const POST = backfill;
