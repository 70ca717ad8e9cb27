import Link from "next/link";
import { CircleAlert, Info, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";

/** `limited`: a quota or rate limit refused it; the usage in Settings says how much is left. */
export function LiveError({ message, limited = false, onRetry, retrying }: { message: string; limited?: boolean; onRetry: () => void; retrying: boolean }) {
  return (
    <div
      role="alert"
      data-testid="live-error"
      className="flex flex-col gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 sm:flex-row sm:items-center"
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <CircleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
        <div className="min-w-0">
          <p className="font-medium text-danger">{limited ? "Limit reached" : "The conversation stopped"}</p>
          <p className="text-sm break-words text-fg">{message}</p>
          {limited ? (
            <Link href="/settings#usage" className="text-sm font-medium text-accent underline-offset-2 hover:underline" data-testid="live-usage-link">
              See your usage in Settings
            </Link>
          ) : null}
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
