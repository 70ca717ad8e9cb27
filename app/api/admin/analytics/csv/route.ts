import { requireAdmin } from "@/lib/auth/session";
import { csvFilename, csvResponse, parseCsvQuery } from "@/lib/analytics/csv-request";
import { ADMIN_CHARTS, INSIGHTS_CHARTS, loadChartTable } from "@/lib/analytics/dashboard-data";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** The numbers behind one Admin chart: across all users, or one user's (`userId`) for the drill-down. Admins only. */
export const GET = withErrors("admin-analytics-csv", async (request: Request): Promise<Response> => {
  const admin = await requireAdmin();
  const { chart, range, userId } = parseCsvQuery(new URL(request.url), ADMIN_CHARTS, { allowUser: true });
  if (userId && !(INSIGHTS_CHARTS as readonly string[]).includes(chart)) {
    throw new AppError("bad_request:input", "That chart covers every user; drop userId.");
  }
  const table = await loadChartTable(chart, { viewer: { id: admin.id }, userId: userId ?? null, range });
  return csvResponse(table, csvFilename(userId ? "user" : "admin", chart, range));
});
