import { TriangleAlert } from "lucide-react";
import type { RecordingGap } from "@/lib/media/gaps";
import { gapsLabel } from "./format";

/**
 * Says which stretches of the recording have no sound (segments that never reached the server).
 * The transcript is whole: its lines still seek, and playback goes on after each stretch.
 */
export function RecordingGapsNote({ gaps, inGap }: { gaps: RecordingGap[]; inGap: boolean }) {
  if (gaps.length === 0) return null;
  return (
    <p className="flex items-start gap-1.5 text-xs text-fg-muted" role="status" data-testid="replay-gaps" data-in-gap={String(inGap)}>
      <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0 text-danger" />
      <span>
        {inGap ? <strong className="font-medium text-fg">No sound was saved for this moment. </strong> : null}
        Part of the sound was not saved ({gapsLabel(gaps)}); the transcript is complete.
      </span>
    </p>
  );
}
