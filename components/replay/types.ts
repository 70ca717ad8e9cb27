/* What the replay page hands its client components: plain, serialisable views of stored rows. */

import type { RecordingGap } from "@/lib/media/gaps";

export interface ReplayTurnView {
  id: string;
  sequenceNumber: number;
  sender: "user" | "model";
  text: string;
  /** ms since the session started; null for a line stored without a time. */
  startOffsetMs: number | null;
  endOffsetMs: number | null;
  latencyMs: number | null;
  interrupted: boolean;
  /** Interrupted companion lines: how much of the answer was played before it stopped. */
  heardMs: number | null;
}

export interface ReplayRecordingView {
  src: string;
  mimeType: string;
  /** Session offset (ms) at which the recording's time 0 falls. */
  startOffsetMs: number;
  durationMs: number;
  /** Stretches (session ms) whose sound never reached the server. */
  gaps: RecordingGap[];
}

export interface ReplayFrameView {
  id: string;
  offsetMs: number;
  src: string;
  width: number | null;
  height: number | null;
}
