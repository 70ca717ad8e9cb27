import { cn } from "@/components/ui/cn";

const BARS = 12;

/** The microphone's loudness as a row of bars, so people can see they are being heard. */
export function LevelMeter({ level, active }: { level: number; active: boolean }) {
  const clamped = active ? Math.min(1, Math.max(0, level)) : 0;
  // Speech sits low on a linear scale; a square root makes quiet talk visible.
  const lit = Math.round(Math.sqrt(clamped) * BARS);
  return (
    <div
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped * 100)}
      data-testid="live-level"
      className="flex h-5 items-end gap-[3px]"
    >
      {Array.from({ length: BARS }, (_, i) => (
        <span
          key={i}
          className={cn("w-1.5 rounded-full transition-colors duration-75", i < lit ? (i >= BARS - 2 ? "bg-danger" : "bg-success") : "bg-border")}
          style={{ height: `${30 + (i / (BARS - 1)) * 70}%` }}
        />
      ))}
    </div>
  );
}
