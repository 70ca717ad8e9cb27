import type { AudioSegmentInfo } from "@/db/queries/media";
import { recordingGaps } from "./gaps";
import type { AudioRecording } from "./storage";

// Callers hear how much was deleted, never where it was kept.
export const counts = ({ audioSegments, frames }: { audioSegments: number; frames: number }) => ({ audioSegments, frames });

/** The stored segments as one recording; null without segment 0, which opens the container. */
export function recordingOf(segments: AudioSegmentInfo[]): AudioRecording | null {
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last || first.sequenceNumber !== 0) return null;
  return {
    mimeType: first.mimeType,
    byteLength: last.byteStart + last.byteSize,
    startOffsetMs: first.startOffsetMs,
    durationMs: last.startOffsetMs + (last.durationMs ?? 0) - first.startOffsetMs,
    gaps: recordingGaps(segments),
    segments,
  };
}
