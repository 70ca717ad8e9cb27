import type { RecordingGap } from "@/lib/media/gaps";
import { formatOffset } from "./timeline";

/* Words and numbers the replay shows. */

/** How much of a cut-short companion line was played ("heard 2.1 s"); null when unknown. */
export function heardLabel(heardMs: number | null): string | null {
  if (heardMs === null) return null;
  return heardMs < 1000 ? `heard ${Math.round(heardMs)} ms` : `heard ${(heardMs / 1000).toFixed(1)} s`;
}

/** "0:12 / 1:03" for the player's readout. */
export function positionLabel(currentMs: number, durationMs: number): string {
  return `${formatOffset(currentMs)} / ${formatOffset(durationMs)}`;
}

/** "0:21–0:24" or "0:21–0:24 and 0:40–0:43": the stretches of a recording with no sound saved. */
export function gapsLabel(gaps: RecordingGap[]): string {
  const spans = gaps.map((gap) => `${formatOffset(gap.startOffsetMs)}–${formatOffset(gap.endOffsetMs)}`);
  return spans.length > 1 ? `${spans.slice(0, -1).join(", ")} and ${spans.at(-1)}` : (spans[0] ?? "");
}

/** A conversation without a title is named by how the user opened it. */
export function replayTitle(title: string | null, firstUserLine: string | null, maxLength = 60): string {
  const stored = title?.trim();
  if (stored) return stored;
  const line = firstUserLine?.replace(/\s+/g, " ").trim();
  if (!line) return "Untitled conversation";
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, maxLength);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > maxLength / 2 ? cut.slice(0, atWord) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

/** "45 s", "3 min 12 s", "1 h 2 min" for a conversation's length. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  const rest = seconds % 60;
  return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
}
