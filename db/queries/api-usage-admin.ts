import "server-only";
import { sql } from "drizzle-orm";
import type { ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import { dayEnd, dayStart, rows } from "./analytics-sql";
import { assertAdmin } from "./users";

/*
 * The /api/v1 request log rolled up for the admin dashboard (issue 14): counts, error rate,
 * duration percentiles and the busiest routes over the range. Aggregates only: never a key, a
 * key's name or prefix, a user, or anything a request carried (the log holds no bodies anyway).
 * An "error" is any answer with status 400 or above (a refused scope and a rate limit included);
 * `serverErrors` are the 5xx among them.
 */

export interface ApiRouteUsage {
  method: string;
  route: string;
  requests: number;
  errors: number;
  p95Ms: number | null;
}

export interface AdminApiUsage {
  requests: number;
  errors: number;
  serverErrors: number;
  /** errors / requests; null without requests. */
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** How many distinct keys called in the range (a count, never which). */
  keysUsed: number;
  /** Distinct method + route pairs called (the table lists the busiest). */
  routesUsed: number;
  topRoutes: ApiRouteUsage[];
}

const TOP_ROUTES = 8;

export async function getAdminApiUsage(db: Database, { actorId, from, to, timeZone }: { actorId: string } & ZonedRange): Promise<AdminApiUsage> {
  await assertAdmin(db, { actorId });
  const inRange = sql`r.created_at >= ${dayStart(from, timeZone)} and r.created_at < ${dayEnd(to, timeZone)}`;
  // Nearest-rank percentiles (percentile_disc), as the conversation latency figures use.
  const [totals] = await rows<{ requests: number; errors: number; serverErrors: number; p50: number | null; p95: number | null; keys: number; routes: number }>(
    db,
    sql`select count(*)::int as "requests",
        (count(*) filter (where r.status >= 400))::int as "errors",
        (count(*) filter (where r.status >= 500))::int as "serverErrors",
        (percentile_disc(0.5) within group (order by r.duration_ms))::int as "p50",
        (percentile_disc(0.95) within group (order by r.duration_ms))::int as "p95",
        count(distinct r.key_id)::int as "keys",
        count(distinct (r.method, r.route))::int as "routes"
      from api_requests r where ${inRange}`,
  );
  const routes = await rows<{ method: string; route: string; requests: number; errors: number; p95: number | null }>(
    db,
    sql`select r.method as "method", r.route as "route", count(*)::int as "requests",
        (count(*) filter (where r.status >= 400))::int as "errors",
        (percentile_disc(0.95) within group (order by r.duration_ms))::int as "p95"
      from api_requests r where ${inRange}
      group by r.method, r.route order by 3 desc, 2 asc, 1 asc limit ${TOP_ROUTES}`,
  );
  const requests = totals?.requests ?? 0;
  const errors = totals?.errors ?? 0;
  return {
    requests,
    errors,
    serverErrors: totals?.serverErrors ?? 0,
    errorRate: requests > 0 ? errors / requests : null,
    p50Ms: totals?.p50 ?? null,
    p95Ms: totals?.p95 ?? null,
    keysUsed: totals?.keys ?? 0,
    routesUsed: totals?.routes ?? 0,
    topRoutes: routes.map((r) => ({ method: r.method, route: r.route, requests: r.requests, errors: r.errors, p95Ms: r.p95 })),
  };
}
