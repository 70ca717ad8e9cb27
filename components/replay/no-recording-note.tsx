import { MicOff } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";

/** Where the player would be: why there is no sound, and where recording is turned on. */
export function NoRecordingNote({ framesOnly }: { framesOnly: boolean }) {
  return (
    <Card className="flex items-start gap-3 p-4" data-testid="replay-no-audio">
      <span className="grid size-9 shrink-0 place-items-center rounded-xl bg-surface-muted text-fg-muted">
        <MicOff aria-hidden className="size-4.5" />
      </span>
      <div className="min-w-0 text-sm">
        <p className="font-medium text-fg">{framesOnly ? "Camera frames only" : "Transcript only"}</p>
        <p className="mt-0.5 text-fg-muted">
          This conversation&apos;s sound was not saved. To replay future ones, turn on{" "}
          <Link href="/settings" className="font-medium text-accent hover:underline">
            Save audio in Settings
          </Link>
          .
        </p>
      </div>
    </Card>
  );
}
