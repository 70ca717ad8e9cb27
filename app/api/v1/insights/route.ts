import { getInsightsDailyActivity, getInsightsDailyLatency, getInsightsTotals } from "@/db/queries/analytics";
import { resolveRange } from "@/lib/analytics/range";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { GET_ONLY } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = GET_ONLY;

/** The Insights page's numbers (the same queries), for a range of days in the caller's zone. */
export const GET = apiRoute(API_OPERATIONS.getInsights, async ({ db, userId, query }) => {
  const timeZone = query.tz;
  const { from, to } = resolveRange(query, { timeZone });
  const scope = { userId, from, to, timeZone };
  const [totals, daily, latency] = await Promise.all([getInsightsTotals(db, scope), getInsightsDailyActivity(db, scope), getInsightsDailyLatency(db, scope)]);
  return { range: { from, to, timeZone }, totals, daily, latency };
});
