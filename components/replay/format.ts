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
