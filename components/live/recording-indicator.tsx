import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { LiveStatus } from "@/lib/live/contract";

interface Props {
  /** What Settings asks to save. */
  wanted: { audio: boolean; frames: boolean };
  /** What the running conversation is saving right now. */
  active: { audio: boolean; frames: boolean };
  status: LiveStatus;
}

function describe({ audio, frames }: { audio: boolean; frames: boolean }): string {
  if (audio && frames) return "audio and camera frames";
  return audio ? "audio" : "camera frames";
}

/** Recording is opt-in and must be obvious while it happens: a red dot and words, never only a colour. */
export function RecordingIndicator({ wanted, active, status }: Props) {
  if (!wanted.audio && !wanted.frames) return null;
  const on = (status === "live" || status === "reconnecting") && (active.audio || active.frames);
  return (
    <span
      data-testid="live-recording"
      data-active={on}
      className={cn(
        "inline-flex h-8 items-center gap-2 rounded-full border px-3 text-sm font-medium",
        on ? "border-danger/30 bg-danger-soft text-danger" : "border-border bg-surface text-fg-muted",
      )}
    >
      <span aria-hidden className="relative flex size-2.5">
        {on ? <span className="absolute inline-flex size-full animate-ping rounded-full bg-danger opacity-60" /> : null}
        <span className={cn("relative inline-flex size-2.5 rounded-full", on ? "bg-danger" : "bg-danger/50")} />
      </span>
      {on ? (
        <span>Recording {describe(active)}</span>
      ) : (
        <span>
          Saves {describe(wanted)} ·{" "}
          <Link href="/settings" className="underline decoration-border underline-offset-2 hover:text-fg">
            change
          </Link>
        </span>
      )}
    </span>
  );
}
