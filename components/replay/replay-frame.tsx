"use client";

import { useEffect } from "react";
import { cn } from "@/components/ui/cn";
import { formatOffset } from "./timeline";
import type { ReplayFrameView } from "./types";

interface Props {
  frame: ReplayFrameView;
  /** The whole list, so the next frame can be fetched before it is due. */
  frames: ReplayFrameView[];
  compact?: boolean;
  className?: string;
  testId?: string;
}

/** The camera frame of the moment being replayed. */
export function ReplayFrame({ frame, frames, compact = false, className, testId = "replay-frame" }: Props) {
  const next = frames[frames.findIndex((candidate) => candidate.id === frame.id) + 1];

  useEffect(() => {
    if (!next) return;
    const image = new Image();
    image.src = next.src;
  }, [next]);

  const at = formatOffset(frame.offsetMs);
  return (
    <figure className={cn(compact ? "shrink-0" : "flex flex-col gap-2", className)}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user frame: next/image's optimiser must not fetch or cache it */}
      <img
        src={frame.src}
        alt={`Camera at ${at}`}
        width={frame.width ?? 640}
        height={frame.height ?? 480}
        data-testid={testId}
        data-frame-id={frame.id}
        data-offset-ms={frame.offsetMs}
        className={cn("bg-surface-muted object-cover", compact ? "h-11 w-14 rounded-md" : "aspect-[4/3] w-full rounded-xl")}
      />
      {compact ? null : (
        <figcaption className="flex items-center justify-between text-xs text-fg-muted">
          <span>Camera</span>
          <span className="font-mono tabular-nums">{at}</span>
        </figcaption>
      )}
    </figure>
  );
}
