import { History } from "lucide-react";
import { Button } from "@/components/ui/button";

/** After a reload: the conversation this tab held is still open; go on with it or end it. */
export function LiveResumeOffer({ onContinue, onEnd, pending }: { onContinue: () => void; onEnd: () => void; pending: "continue" | "end" | null }) {
  return (
    <section
      aria-labelledby="live-resume-offer-title"
      data-testid="live-resume-offer"
      className="flex flex-col gap-3 rounded-xl border border-accent/25 bg-accent-soft px-4 py-3 sm:flex-row sm:items-center"
    >
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <History aria-hidden className="mt-0.5 size-5 shrink-0 text-accent" />
        <div className="min-w-0">
          <h2 id="live-resume-offer-title" className="font-medium">Your conversation is still open</h2>
          <p className="text-sm text-fg">The page was reloaded in the middle of it. Continue where you left off, or end it.</p>
        </div>
      </div>
      <div className="flex gap-2 self-end sm:self-auto">
        <Button variant="secondary" size="sm" onClick={onEnd} pending={pending === "end"} disabled={pending !== null} data-testid="live-end-previous">
          End it
        </Button>
        <Button size="sm" onClick={onContinue} pending={pending === "continue"} disabled={pending !== null} data-testid="live-continue">
          Continue conversation
        </Button>
      </div>
    </section>
  );
}
