import { PlugZap } from "lucide-react";
import { Fragment } from "react";
import { cn } from "@/components/ui/cn";
import type { AdminDashboardData } from "@/lib/analytics/dashboard-data";
import { formatCount, formatMs, formatPercent } from "@/lib/analytics/format";

function Figure({ label, value, hint, testId, danger }: { label: string; value: string; hint: string; testId: string; danger?: boolean }) {
  return (
    <div className="min-w-0 rounded-xl bg-surface-muted px-3 py-2.5" data-testid={`api-${testId}`}>
      <p className="truncate text-xs font-medium text-fg-muted">{label}</p>
      <p className={cn("mt-0.5 truncate text-xl font-semibold tabular-nums", danger ? "text-danger" : "text-fg")} data-testid={`api-${testId}-value`}>
        {value}
      </p>
      <p className="truncate text-xs text-fg-muted">{hint}</p>
    </div>
  );
}

/** The route without the /api/v1 every one shares, breakable after each slash on a phone. */
function RoutePath({ route }: { route: string }) {
  const parts = route.replace(/^\/api\/v1(?=\/)/, "").split("/");
  return (
    <span className="font-mono">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? (
            <>
              /<wbr />
            </>
          ) : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Programs calling /api/v1 with users' keys, across every account: volume, errors, speed and the
 * busiest routes. Aggregates only: the request log never names a key or a user here.
 */
export async function ApiUsageTile({ data }: { data: AdminDashboardData }) {
  const usage = await data.apiUsage;
  const rate = usage.errorRate;
  return (
    <section className="flex min-w-0 flex-col rounded-2xl border border-border bg-surface shadow-sm" aria-labelledby="api-usage-title" data-testid="chart-api-usage">
      <header className="px-5 pt-4">
        <h2 id="api-usage-title" className="text-sm font-semibold text-fg">
          API requests
        </h2>
        <p className="mt-0.5 text-xs text-fg-muted">Calls to /api/v1 made with users’ API keys in this range (routes below without /api/v1)</p>
      </header>
      <div className="flex flex-col gap-4 px-5 py-4">
        {usage.requests === 0 ? (
          <div className="flex flex-col items-center justify-center rounded-xl border border-dashed border-border px-4 py-8 text-center" data-testid="api-usage-empty">
            <PlugZap aria-hidden className="mb-2 size-6 text-fg-muted" />
            <p className="text-sm font-medium">No API requests in this range</p>
            <p className="mt-0.5 max-w-xs text-xs text-fg-muted">Programs call the API with keys people make under Settings → API keys.</p>
          </div>
        ) : (
          <>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              <Figure testId="requests" label="Requests" value={formatCount(usage.requests)} hint={`from ${formatCount(usage.keysUsed)} ${usage.keysUsed === 1 ? "key" : "keys"}`} />
              <Figure testId="error-rate" label="Error rate" value={formatPercent(rate)} hint={`${formatCount(usage.errors)} errors · ${formatCount(usage.serverErrors)} 5xx`} danger={rate !== null && rate >= 0.05} />
              <Figure testId="p95" label="p95 duration" value={formatMs(usage.p95Ms)} hint={`p50 ${formatMs(usage.p50Ms)}`} />
              <Figure testId="routes" label="Routes" value={formatCount(usage.routesUsed)} hint={usage.routesUsed > usage.topRoutes.length ? `busiest ${usage.topRoutes.length} below` : "all below"} />
            </div>
            <div className="overflow-x-auto rounded-lg border border-border">
              <table className="w-full text-left text-xs tabular-nums" data-testid="api-top-routes">
                <caption className="sr-only">Busiest API routes</caption>
                <thead className="bg-surface-muted text-fg-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Route
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Requests
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Errors
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
                      p95
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-border">
                  {usage.topRoutes.map((route) => (
                    <tr key={`${route.method} ${route.route}`} data-testid="api-route">
                      <td className="px-3 py-1.5 [overflow-wrap:anywhere]" title={route.route}>
                        <span className="mr-1.5 font-mono text-[11px] font-semibold text-fg-muted">{route.method}</span>
                        <RoutePath route={route.route} />
                      </td>
                      <td className="px-3 py-1.5 text-right">{formatCount(route.requests)}</td>
                      <td className={cn("px-3 py-1.5 text-right", route.errors > 0 && "text-danger")}>{formatCount(route.errors)}</td>
                      <td className="px-3 py-1.5 text-right whitespace-nowrap">{formatMs(route.p95Ms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
