import { BarChart3, Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { DataTable as Table } from "@/lib/analytics/csv";
import { DataTable } from "./data-table";

interface ChartCardProps {
  title: string;
  description?: string;
  testId: string;
  /** The chart's numbers: shown on request under it, and the CSV behind the download link. */
  table: Table;
  csvHref: string;
  empty: boolean;
  emptyHint?: string;
  estimate?: boolean;
  className?: string;
  children: React.ReactNode;
}

export function ChartCard({ title, description, testId, table, csvHref, empty, emptyHint, estimate, className, children }: ChartCardProps) {
  return (
    <section className={cn("flex min-w-0 flex-col rounded-2xl border border-border bg-surface shadow-sm", className)} aria-labelledby={`${testId}-title`} data-testid={`chart-${testId}`}>
      <header className="flex items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0">
          <h2 id={`${testId}-title`} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-fg">
            {title}
            {estimate ? <Badge tone="accent">Estimate</Badge> : null}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-fg-muted">{description}</p> : null}
        </div>
        <a
          href={csvHref}
          download
          className="inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md border border-border px-2 text-xs font-medium text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg"
          data-testid={`${testId}-csv`}
          aria-label={`Download ${title} as CSV`}
        >
          <Download aria-hidden className="size-3.5" />
          CSV
        </a>
      </header>
      <div className="flex-1 px-5 py-4">
        {empty ? (
          <div className="flex h-full min-h-40 flex-col items-center justify-center rounded-xl border border-dashed border-border px-4 py-8 text-center" data-testid={`${testId}-empty`}>
            <BarChart3 aria-hidden className="mb-2 size-6 text-fg-muted" />
            <p className="text-sm font-medium">Nothing in this range</p>
            <p className="mt-0.5 max-w-xs text-xs text-fg-muted">{emptyHint ?? "No conversations between these dates. Try a longer range."}</p>
          </div>
        ) : (
          children
        )}
      </div>
      {empty ? null : (
        <details className="group border-t border-border px-5 py-2.5">
          <summary className="cursor-pointer text-xs font-medium text-fg-muted select-none hover:text-fg" data-testid={`${testId}-show-table`}>
            Show the numbers
          </summary>
          <div className="mt-2.5">
            <DataTable table={table} caption={title} testId={testId} />
          </div>
        </details>
      )}
    </section>
  );
}

export function ChartSkeleton({ title, className }: { title: string; className?: string }) {
  return (
    <div className={cn("rounded-2xl border border-border bg-surface px-5 py-4 shadow-sm", className)} aria-busy="true" aria-label={`${title} loading`}>
      <p className="text-sm font-semibold text-fg">{title}</p>
      <div className="mt-1 h-3 w-40 animate-pulse rounded bg-surface-muted" />
      <div className="mt-4 flex h-48 items-end gap-1.5">
        {[40, 65, 30, 80, 55, 70, 45, 90, 60, 35, 75, 50].map((height, i) => (
          <div key={i} className="flex-1 animate-pulse rounded-t bg-surface-muted" style={{ height: `${height}%` }} />
        ))}
      </div>
    </div>
  );
}
