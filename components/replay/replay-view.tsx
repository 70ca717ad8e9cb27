"use client";

import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { replayKeyAction, toRecordingMs, toSessionMs } from "./playback";
import { ReplayFrame } from "./replay-frame";
import { ReplayPlayer } from "./replay-player";
import { NoRecordingNote } from "./no-recording-note";
import { ReplayTranscript } from "./replay-transcript";
import { activeTurnIndex, frameAt, stepTurn } from "./timeline";
import type { ReplayFrameView, ReplayRecordingView, ReplayTurnView } from "./types";
import { useFollowScroll } from "./use-follow-scroll";
import { useReplayAudio } from "./use-replay-audio";

interface Props {
  turns: ReplayTurnView[];
  recording: ReplayRecordingView | null;
  frames: ReplayFrameView[];
  /** The line to open at (-1: none) and where the recording starts (session ms), from `?turn=` / `?t=`. */
  initial: { turnIndex: number; offsetMs: number | null };
}

/**
 * A line chosen by hand (click, arrow key, `?turn=`) stays highlighted until playback moves
 * on to another line; `timeIndex` is the line the clock pointed at when it was chosen.
 */
interface Pin {
  index: number;
  timeIndex: number;
}

export function ReplayView({ turns, recording, frames, initial }: Props) {
  const audio = useReplayAudio(recording, initial.offsetMs);
  const clock = audio.clock;
  const sessionMs = clock ? toSessionMs(clock, audio.currentMs) : null;
  const timeIndex = sessionMs === null ? -1 : activeTurnIndex(turns, sessionMs);
  const [pin, setPin] = useState<Pin | null>(() =>
    initial.turnIndex >= 0 ? { index: initial.turnIndex, timeIndex: clock && initial.offsetMs !== null ? activeTurnIndex(turns, toSessionMs(clock, toRecordingMs(clock, initial.offsetMs))) : timeIndex } : null,
  );
  const active = pin && pin.timeIndex === timeIndex ? pin.index : timeIndex;
  const listRef = useRef<HTMLOListElement>(null);
  const follow = useFollowScroll(listRef);

  function select(index: number, reason: "click" | "step") {
    const turn = turns[index];
    if (!turn) return;
    let clockIndex = timeIndex;
    if (clock && turn.startOffsetMs !== null) {
      const target = toRecordingMs(clock, turn.startOffsetMs);
      audio.seek(target);
      clockIndex = activeTurnIndex(turns, toSessionMs(clock, target));
    }
    setPin({ index, timeIndex: clockIndex });
    if (reason === "step") follow.reveal(index, "user");
  }

  // One callback for every line, so a line re-renders only when its own highlight changes.
  const latestSelect = useRef(select);
  useLayoutEffect(() => {
    latestSelect.current = select;
  });
  const onLineClick = useCallback((index: number) => latestSelect.current(index, "click"), []);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const element = event.target instanceof HTMLElement ? event.target : null;
    const action = replayKeyAction(event, {
      tagName: element?.tagName ?? "BODY",
      type: element instanceof HTMLInputElement ? element.type : undefined,
      isContentEditable: element?.isContentEditable ?? false,
      insideOverlay: !!element?.closest('[role="menu"], [role="dialog"], [role="listbox"]'),
    });
    if (action === null) return;
    if (action === "toggle") {
      if (!recording || audio.error) return;
      event.preventDefault();
      audio.toggle();
      return;
    }
    event.preventDefault();
    const step = action === "next" ? 1 : -1;
    // With audio, only lines with a time can be played from; without, every line can be read.
    const next = clock ? stepTurn(turns, active, step) : Math.min(Math.max(active + step, 0), turns.length - 1);
    if (next >= 0 && next !== active) select(next, "step");
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  // Playback moving to another line brings it into view, unless the reader is scrolling.
  useEffect(() => {
    if (audio.playing && active >= 0) follow.reveal(active, "playback");
  }, [active, audio.playing, follow]);

  useEffect(() => {
    if (initial.turnIndex >= 0) follow.reveal(initial.turnIndex, "open");
  }, [initial.turnIndex, follow]);

  const frameMs = sessionMs ?? turns[active]?.startOffsetMs ?? 0;
  const frame = frameAt(frames, frameMs);

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18.5rem]">
      <aside
        className={cn(
          "lg:col-start-2 lg:row-start-1 lg:sticky lg:top-10 lg:self-start",
          // On a phone the player rides along at the bottom while the transcript scrolls.
          recording ? "order-last sticky bottom-3 z-10 lg:order-none" : "",
        )}
        aria-label="Recording"
      >
        {recording ? (
          <ReplayPlayer
            audio={audio}
            recording={recording}
            frame={frame}
            frames={frames}
            onSeek={(recordingMs) => {
              // Dragging the seek bar lets the clock pick the line again.
              audio.seek(recordingMs);
              setPin(null);
            }}
          />
        ) : (
          <div className="flex flex-col gap-4">
            {frame ? <ReplayFrame frame={frame} frames={frames} /> : null}
            <NoRecordingNote framesOnly={frames.length > 0} />
          </div>
        )}
      </aside>
      <ReplayTranscript
        ref={listRef}
        turns={turns}
        active={active}
        seekable={recording !== null}
        onSelect={onLineClick}
        className="lg:col-start-1 lg:row-start-1"
      />
    </div>
  );
}
