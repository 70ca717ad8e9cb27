import { CalendarRange, Globe } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatRange } from "@/lib/analytics/format";
import { RANGE_PRESETS, type DateRange } from "@/lib/analytics/range";

const PRESET_LABELS: Record<(typeof RANGE_PRESETS)[number], string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days" };

/** Presets are links and the custom range a plain GET form: the range lives in the URL. */
export function RangePicker({ range, timeZone, basePath, extraParams = {} }: { range: DateRange; timeZone: string; basePath: string; extraParams?: Record<string, string> }) {
  const href = (params: Record<string, string>) => `${basePath}?${new URLSearchParams({ ...extraParams, ...params })}`;
  return (
    <div className="mb-6 flex flex-col gap-3 rounded-2xl border border-border bg-surface px-4 py-3 shadow-sm sm:px-5 lg:flex-row lg:items-center lg:justify-between">
      <div className="min-w-0">
        <p className="flex items-center gap-2 text-sm font-medium" data-testid="range-label">
          <CalendarRange aria-hidden className="size-4 shrink-0 text-fg-muted" />
          {formatRange(range)}
        </p>
        <p className="mt-0.5 flex items-center gap-2 text-xs text-fg-muted">
          <Globe aria-hidden className="size-3.5 shrink-0" />
          <span>
            Days in <span data-testid="time-zone">{timeZone}</span>
          </span>
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label="Date range" className="flex rounded-lg border border-border bg-surface-muted p-0.5">
          {RANGE_PRESETS.map((preset) => (
            <Link
              key={preset}
              href={href({ range: preset })}
              aria-current={range.preset === preset ? "true" : undefined}
              data-testid={`range-${preset}`}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                range.preset === preset ? "bg-surface text-fg shadow-sm" : "text-fg-muted hover:text-fg",
              )}
            >
              {PRESET_LABELS[preset]}
            </Link>
          ))}
        </nav>
        <form action={basePath} method="get" className="flex flex-wrap items-center gap-1.5" aria-label="Custom range">
          {Object.entries(extraParams).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="range" value="custom" />
          <label className="sr-only" htmlFor="range-from">
            From
          </label>
          <input id="range-from" name="from" type="date" required defaultValue={range.from} data-testid="range-from" className={dateInput} />
          <span aria-hidden className="text-fg-muted">
            –
          </span>
          <label className="sr-only" htmlFor="range-to">
            To
          </label>
          <input id="range-to" name="to" type="date" required defaultValue={range.to} data-testid="range-to" className={dateInput} />
          <button
            type="submit"
            data-testid="range-apply"
            className={cn(
              "h-8 rounded-lg border px-3 text-sm font-medium transition-colors",
              range.preset === "custom" ? "border-accent bg-accent-soft text-accent" : "border-border bg-surface hover:bg-surface-muted",
            )}
          >
            Apply
          </button>
        </form>
      </div>
    </div>
  );
}

const dateInput =
  "h-8 rounded-lg border border-border bg-surface px-2 text-sm text-fg tabular-nums focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none";
