"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { recordingDurationMs, toRecordingMs, type PlaybackRate, type RecordingClock } from "./playback";
import type { ReplayRecordingView } from "./types";

export interface ReplayAudio {
  ref: React.RefObject<HTMLAudioElement | null>;
  playing: boolean;
  /** Position in the recording (ms). */
  currentMs: number;
  durationMs: number;
  rate: PlaybackRate;
  error: string | null;
  clock: RecordingClock | null;
  toggle: () => void;
  /** Moves to a position in the recording (ms); playing or paused stays as it was. */
  seek: (recordingMs: number) => void;
  setRate: (rate: PlaybackRate) => void;
}

const PLAY_FAILED = "The recording could not be played.";

/**
 * The replay's <audio> element as React state. The element stays the source of truth: state
 * follows its events, so what the page shows is what is playing.
 */
export function useReplayAudio(recording: ReplayRecordingView | null, initialSessionMs: number | null): ReplayAudio {
  const ref = useRef<HTMLAudioElement>(null);
  const storedDurationMs = recording?.durationMs ?? 0;
  const startOffsetMs = recording?.startOffsetMs ?? 0;
  const initialMs = recording && initialSessionMs !== null ? toRecordingMs({ startOffsetMs, durationMs: storedDurationMs }, initialSessionMs) : 0;
  const [playing, setPlaying] = useState(false);
  const [currentMs, setCurrentMs] = useState(initialMs);
  const [durationMs, setDurationMs] = useState(storedDurationMs);
  const [rate, setRateState] = useState<PlaybackRate>(1);
  const [error, setError] = useState<string | null>(null);
  const startAt = useRef(initialMs);

  useEffect(() => {
    const audio = ref.current;
    if (!audio || !recording) return;
    if (audio.canPlayType(recording.mimeType) === "") {
      setError("This browser cannot play this recording's format.");
      return;
    }
    // Whole ms: a seek to 7.05 s reads back as 7049.999…, which would light the line before the one sought.
    const readTime = () => setCurrentMs(Math.round(audio.currentTime * 1000));
    const onMetadata = () => {
      if (startAt.current > 0) audio.currentTime = startAt.current / 1000;
      setDurationMs((stored) => recordingDurationMs(stored, audio.duration));
    };
    const onEnded = () => {
      // The element learns the true length only by reaching the end of a WebM without a duration.
      setDurationMs(Math.max(storedDurationMs, Math.round(audio.currentTime * 1000)));
      setPlaying(false);
    };
    const onPlay = () => setPlaying(true);
    const onPause = () => setPlaying(false);
    const onError = () => {
      setPlaying(false);
      setError(PLAY_FAILED);
    };
    const listeners: [string, () => void][] = [
      ["timeupdate", readTime],
      ["seeked", readTime],
      ["loadedmetadata", onMetadata],
      ["ended", onEnded],
      ["play", onPlay],
      ["pause", onPause],
      ["error", onError],
    ];
    for (const [name, listener] of listeners) audio.addEventListener(name, listener);
    if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) onMetadata();
    return () => {
      for (const [name, listener] of listeners) audio.removeEventListener(name, listener);
    };
  }, [recording, storedDurationMs]);

  const toggle = useCallback(() => {
    const audio = ref.current;
    if (!audio || !recording) return;
    if (!audio.paused) {
      audio.pause();
      return;
    }
    if (audio.ended) audio.currentTime = 0;
    audio.play().catch((reason: unknown) => {
      // A pause() racing the start rejects play(); that is not a failure to report.
      if (reason instanceof DOMException && reason.name === "AbortError") return;
      setError(PLAY_FAILED);
    });
  }, [recording]);

  const seek = useCallback((recordingMs: number) => {
    const audio = ref.current;
    if (!audio) return;
    const ms = Math.max(0, recordingMs);
    startAt.current = ms;
    audio.currentTime = ms / 1000;
    setCurrentMs(ms);
  }, []);

  const setRate = useCallback((next: PlaybackRate) => {
    const audio = ref.current;
    if (audio) {
      audio.defaultPlaybackRate = next;
      audio.playbackRate = next;
    }
    setRateState(next);
  }, []);

  const clock = recording ? { startOffsetMs, durationMs } : null;
  return { ref, playing, currentMs, durationMs, rate, error, clock, toggle, seek, setRate };
}
