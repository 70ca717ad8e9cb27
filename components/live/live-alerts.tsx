import { CircleAlert, Info, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";

export function LiveError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div
      role="alert"
      data-testid="live-error"
      className="flex flex-col gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 sm:flex-row sm:items-center"
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <CircleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
        <div className="min-w-0">
          <p className="font-medium text-danger">The conversation stopped</p>
          <p className="text-sm break-words text-fg">{message}</p>
        </div>
      </div>
      <Button variant="secondary" size="sm" onClick={onRetry} pending={retrying} className="self-end sm:self-auto" data-testid="live-retry">
        {retrying ? null : <RotateCcw aria-hidden className="size-3.5" />}
        Retry
      </Button>
    </div>
  );
}

export function LiveNotice({ message }: { message: string }) {
  return (
    <div role="status" data-testid="live-notice" className="flex items-start gap-3 rounded-xl border border-accent/25 bg-accent-soft px-4 py-3">
      <Info aria-hidden className="mt-0.5 size-5 shrink-0 text-accent" />
      <p className="text-sm text-fg">{message}</p>
    </div>
  );
}
