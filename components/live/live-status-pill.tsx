import { cn } from "@/components/ui/cn";
import type { LiveStatus } from "@/lib/live/contract";
import { formatClock } from "./format";

const labels: Record<LiveStatus, string> = {
  idle: "Idle",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  ending: "Ending…",
  ended: "Ended",
  error: "Error",
};

const tones: Record<LiveStatus, string> = {
  idle: "border-border bg-surface text-fg-muted",
  connecting: "border-accent/30 bg-accent-soft text-accent",
  live: "border-success/30 bg-success-soft text-success",
  reconnecting: "border-accent/30 bg-accent-soft text-accent",
  ending: "border-border bg-surface-muted text-fg-muted",
  ended: "border-border bg-surface-muted text-fg-muted",
  error: "border-danger/30 bg-danger-soft text-danger",
};

export function LiveStatusPill({ status, elapsedSeconds }: { status: LiveStatus; elapsedSeconds: number | null }) {
  const waiting = status === "connecting" || status === "reconnecting" || status === "ending";
  return (
    <div className="flex items-center gap-2">
      <span
        role="status"
        data-testid="live-status"
        data-status={status}
        className={cn("inline-flex h-8 items-center gap-2 rounded-full border px-3 text-sm font-medium", tones[status])}
      >
        <span aria-hidden className="relative flex size-2.5">
          {status === "live" ? <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-70" /> : null}
          <span
            className={cn(
              "relative inline-flex size-2.5 rounded-full",
              status === "live" ? "bg-success" : status === "error" ? "bg-danger" : waiting ? "animate-pulse bg-accent" : "bg-fg-muted/50",
            )}
          />
        </span>
        {labels[status]}
      </span>
      {elapsedSeconds !== null ? (
        <span className="font-mono text-sm text-fg-muted tabular-nums" title="Time in this conversation">
          {formatClock(elapsedSeconds)}
        </span>
      ) : null}
    </div>
  );
}
