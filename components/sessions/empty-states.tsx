import { ArrowRight, MessagesSquare, SearchX } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Nobody has talked yet: the list would be empty, so invite them to the Live page. */
export function NoConversations() {
  return (
    <Card data-testid="history-empty">
      <div className="flex flex-col items-center gap-5 px-6 py-12 text-center sm:px-12 sm:py-16">
        <span className="grid size-14 place-items-center rounded-2xl bg-accent-soft text-accent">
          <MessagesSquare aria-hidden className="size-7" />
        </span>
        <div className="max-w-md">
          <h2 className="text-xl font-semibold tracking-tight">No conversations yet</h2>
          <p className="mt-2 text-pretty text-fg-muted">
            Every conversation you have on the Live page is kept here: searchable, renamable, and ready to replay.
          </p>
        </div>
        <Link href="/live" className={buttonClasses({ size: "lg" })} data-testid="history-start-live">
          Start a conversation
          <ArrowRight aria-hidden className="size-4" />
        </Link>
      </div>
    </Card>
  );
}

/** Filters or a search that matched nothing. */
export function NoResults({ title, hint, action }: { title: string; hint: string; action?: React.ReactNode }) {
  return (
    <Card data-testid="history-no-results">
      <div className="flex flex-col items-center gap-3 px-6 py-10 text-center">
        <SearchX aria-hidden className="size-8 text-fg-muted" />
        <div className="max-w-md">
          <h2 className="font-semibold">{title}</h2>
          <p className="mt-1 text-sm text-pretty text-fg-muted">{hint}</p>
        </div>
        {action}
      </div>
    </Card>
  );
}
