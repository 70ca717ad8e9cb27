import { requireUser } from "@/lib/auth/session";
import { csvFilename, csvResponse, parseCsvQuery } from "@/lib/analytics/csv-request";
import { INSIGHTS_CHARTS, loadChartTable } from "@/lib/analytics/dashboard-data";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** The numbers behind one Insights chart, for the signed-in user only. */
export const GET = withErrors("insights-csv", async (request: Request): Promise<Response> => {
  const user = await requireUser();
  const { chart, range } = parseCsvQuery(new URL(request.url), INSIGHTS_CHARTS, { allowUser: false });
  return csvResponse(await loadChartTable(chart, { viewer: user, userId: user.id, range }), csvFilename("insights", chart, range));
});
