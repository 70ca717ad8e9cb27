import { WEEKDAYS } from "@/lib/analytics/format";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Weekday × hour of day, darker where more conversations started. */
export function HeatmapGrid({ cells, ariaLabel }: { cells: { weekday: number; hour: number; conversations: number }[]; ariaLabel: string }) {
  const counts = new Map(cells.map((c) => [`${c.weekday}-${c.hour}`, c.conversations]));
  const max = Math.max(1, ...cells.map((c) => c.conversations));
  return (
    <div role="img" aria-label={ariaLabel} className="overflow-x-auto">
      <div className="grid min-w-[520px] grid-cols-[2.25rem_repeat(24,minmax(0,1fr))] gap-[3px] text-[10px] text-fg-muted">
        {WEEKDAYS.map((weekday, index) => (
          <div key={weekday} className="contents">
            <div className="flex items-center pr-1 font-medium">{weekday.slice(0, 3)}</div>
            {HOURS.map((hour) => {
              const n = counts.get(`${index + 1}-${hour}`) ?? 0;
              const share = n / max;
              return (
                <div
                  key={hour}
                  title={`${weekday} ${String(hour).padStart(2, "0")}:00 — ${n} ${n === 1 ? "conversation" : "conversations"}`}
                  className="aspect-square rounded-[3px] border border-border/60"
                  style={{ background: n === 0 ? "var(--color-surface-muted)" : `color-mix(in oklab, var(--color-chart-1) ${Math.round(25 + share * 75)}%, var(--color-surface))` }}
                />
              );
            })}
          </div>
        ))}
        <div />
        {HOURS.map((hour) => (
          <div key={hour} className="text-center tabular-nums">
            {hour % 6 === 0 ? String(hour).padStart(2, "0") : ""}
          </div>
        ))}
      </div>
    </div>
  );
}
