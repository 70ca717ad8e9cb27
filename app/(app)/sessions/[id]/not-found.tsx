import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function ReplayNotFound() {
  return (
    <Card className="flex flex-col items-center gap-4 px-6 py-14 text-center" data-testid="replay-not-found">
      <span className="grid size-12 place-items-center rounded-2xl bg-surface-muted text-fg-muted">
        <SearchX aria-hidden className="size-6" />
      </span>
      <div>
        <h1 className="text-lg font-semibold">This conversation is not here</h1>
        <p className="mt-1 max-w-sm text-fg-muted">It may have been deleted, or it belongs to another account.</p>
      </div>
      <Link href="/sessions" className={buttonClasses({ variant: "secondary" })}>
        Back to sessions
      </Link>
    </Card>
  );
}
