"use client";

import { CircleAlert, Pause, Play } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { gapAt } from "@/lib/media/gaps";
import { positionLabel } from "./format";
import { PLAYBACK_RATES, toSessionMs } from "./playback";
import { RecordingGapsNote } from "./recording-gaps-note";
import { ReplayFrame } from "./replay-frame";
import { formatOffset } from "./timeline";
import type { ReplayFrameView, ReplayRecordingView } from "./types";
import type { ReplayAudio } from "./use-replay-audio";

interface Props {
  audio: ReplayAudio;
  recording: ReplayRecordingView;
  frame: ReplayFrameView | null;
  frames: ReplayFrameView[];
  onSeek: (recordingMs: number) => void;
}

/**
 * Play/pause, seek and speed for the recorded conversation, with the camera frame of the
 * moment. Where the recording is (`data-current-ms`, recording clock; `data-session-ms`,
 * session clock) is on the element, as the seek bar shows it.
 */
export function ReplayPlayer({ audio, recording, frame, frames, onSeek }: Props) {
  const { ref, playing, currentMs, durationMs, rate, error, clock, toggle, setRate } = audio;
  // The readout counts on the conversation's clock, as the transcript's times do.
  const sessionMs = clock ? toSessionMs(clock, currentMs) : currentMs;
  const endMs = clock ? toSessionMs(clock, durationMs) : durationMs;
  return (
    <Card
      className="p-3 shadow-lg lg:p-4 lg:shadow-sm"
      data-testid="replay-player"
      data-current-ms={Math.round(currentMs)}
      data-session-ms={Math.round(sessionMs)}
      data-duration-ms={durationMs}
      data-playing={String(playing)}
      data-rate={rate}
    >
      <audio ref={ref} src={recording.src} preload="metadata" data-testid="replay-audio" />
      <div className="flex flex-col gap-3">
        {frame ? <ReplayFrame frame={frame} frames={frames} className="hidden lg:block" testId="replay-frame" /> : null}
        <input
          type="range"
          min={0}
          max={Math.max(durationMs, 1)}
          step={100}
          value={Math.min(currentMs, durationMs)}
          onChange={(event) => onSeek(Number(event.target.value))}
          disabled={error !== null}
          aria-label="Position in the recording"
          aria-valuetext={`${formatOffset(sessionMs)} of ${formatOffset(endMs)}`}
          data-testid="replay-seek"
          className="h-1.5 w-full cursor-pointer accent-accent disabled:cursor-not-allowed disabled:opacity-45"
        />
        <div className="flex items-center gap-3">
          {frame ? <ReplayFrame frame={frame} frames={[]} compact className="lg:hidden" testId="replay-frame-thumb" /> : null}
          <button
            type="button"
            onClick={toggle}
            disabled={error !== null}
            aria-label={playing ? "Pause" : "Play"}
            data-testid="replay-play"
            data-state={playing ? "playing" : "paused"}
            className="grid size-11 shrink-0 place-items-center rounded-full bg-accent text-accent-fg shadow-sm transition-colors hover:bg-accent-hover disabled:cursor-not-allowed disabled:opacity-45"
          >
            {playing ? <Pause aria-hidden className="size-5" fill="currentColor" /> : <Play aria-hidden className="ml-0.5 size-5" fill="currentColor" />}
          </button>
          {error ? (
            <p className="flex min-w-0 items-center gap-1.5 text-sm text-danger" role="alert" data-testid="replay-error">
              <CircleAlert aria-hidden className="size-4 shrink-0" />
              {error}
            </p>
          ) : (
            <span className="min-w-0 font-mono text-xs whitespace-nowrap text-fg-muted tabular-nums" data-testid="replay-position">
              {positionLabel(sessionMs, endMs)}
            </span>
          )}
          <div role="group" aria-label="Playback speed" className="ml-auto flex shrink-0 rounded-lg border border-border p-0.5" data-testid="replay-speed">
            {PLAYBACK_RATES.map((option) => (
              <button
                key={option}
                type="button"
                onClick={() => setRate(option)}
                aria-pressed={rate === option}
                data-testid="replay-speed-option"
                data-rate={option}
                className={cn(
                  "h-7 min-w-9 rounded-md px-1.5 text-xs font-medium tabular-nums transition-colors",
                  rate === option ? "bg-accent-soft text-accent" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
                )}
              >
                {option}×
              </button>
            ))}
          </div>
        </div>
        <RecordingGapsNote gaps={recording.gaps} inGap={gapAt(recording.gaps, sessionMs) !== null} />
      </div>
    </Card>
  );
}
