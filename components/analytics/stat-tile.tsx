import { cn } from "@/components/ui/cn";

export function StatTile({ label, value, hint, testId, tone = "neutral" }: { label: string; value: string; hint?: string; testId: string; tone?: "neutral" | "danger" }) {
  return (
    <div className="min-w-0 rounded-2xl border border-border bg-surface px-4 py-3.5 shadow-sm" data-testid={`stat-${testId}`}>
      <p className="truncate text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</p>
      <p className={cn("mt-1 truncate text-2xl font-semibold tabular-nums", tone === "danger" ? "text-danger" : "text-fg")} data-testid={`stat-${testId}-value`}>
        {value}
      </p>
      {hint ? <p className="mt-0.5 line-clamp-2 text-xs text-fg-muted">{hint}</p> : null}
    </div>
  );
}

export function StatTileSkeleton({ label }: { label: string }) {
  return (
    <div className="rounded-2xl border border-border bg-surface px-4 py-3.5 shadow-sm" aria-busy="true" aria-label={`${label} loading`}>
      <p className="truncate text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</p>
      <div className="mt-2 h-7 w-20 animate-pulse rounded-md bg-surface-muted" />
      <div className="mt-1.5 h-3 w-24 animate-pulse rounded bg-surface-muted" />
    </div>
  );
}

export function StatGrid({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cn("grid grid-cols-2 gap-3 sm:grid-cols-3", className)}>{children}</div>;
}
