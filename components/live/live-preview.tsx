"use client";

import { MonitorUp, VideoOff } from "lucide-react";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

interface Props {
  stream: MediaStream | null;
  /** A shared screen is shown as it is; a camera is mirrored, as people expect to see themselves. */
  source: "camera" | "screen" | null;
}

export function LivePreview({ stream, source }: Props) {
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    el.srcObject = stream;
  }, [stream]);

  return (
    <div className="relative aspect-video overflow-hidden rounded-xl border border-border bg-surface-muted">
      <video
        ref={video}
        muted
        playsInline
        autoPlay
        data-testid="live-preview"
        className={cn("size-full object-cover", !stream && "hidden", source === "camera" && "-scale-x-100", source === "screen" && "object-contain")}
      />
      {stream ? (
        <span className="absolute top-2 left-2 inline-flex items-center gap-1.5 rounded-full bg-black/55 px-2 py-0.5 text-xs font-medium text-white backdrop-blur">
          <span aria-hidden className="size-1.5 rounded-full bg-red-500" />
          {source === "screen" ? "Sharing screen" : "Camera on"}
        </span>
      ) : (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 text-fg-muted">
          <span className="flex items-center gap-2">
            <VideoOff aria-hidden className="size-5" />
            <MonitorUp aria-hidden className="size-5" />
          </span>
          <p className="text-sm">Camera and screen are off</p>
        </div>
      )}
    </div>
  );
}
