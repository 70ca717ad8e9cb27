import { formatCount, formatMinutes } from "@/lib/analytics/format";

/** A ranked list with proportional bars: voices, personas, models. */
export function BreakdownBars({ slices, ariaLabel, testId }: { slices: { label: string; conversations: number; minutes: number }[]; ariaLabel: string; testId: string }) {
  const total = slices.reduce((sum, s) => sum + s.conversations, 0) || 1;
  const max = Math.max(1, ...slices.map((s) => s.conversations));
  return (
    <ul aria-label={ariaLabel} className="flex flex-col gap-2.5" data-testid={`${testId}-list`}>
      {slices.slice(0, 8).map((slice) => (
        <li key={slice.label} className="min-w-0" data-testid={`${testId}-item`}>
          <div className="mb-1 flex items-baseline justify-between gap-3 text-sm">
            <span className="truncate font-medium" title={slice.label}>
              {slice.label}
            </span>
            <span className="shrink-0 text-xs text-fg-muted tabular-nums">
              <span data-testid={`${testId}-count`}>{formatCount(slice.conversations)}</span> · {formatMinutes(slice.minutes)} min ·{" "}
              {Math.round((slice.conversations / total) * 100)}%
            </span>
          </div>
          <div className="h-2 rounded-full bg-surface-muted">
            <div className="h-2 rounded-full bg-[var(--color-chart-1)]" style={{ width: `${(slice.conversations / max) * 100}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
