"use client";

import { CircleAlert, RotateCcw } from "lucide-react";
import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { Button, buttonClasses } from "@/components/ui/button";

/*
 * What a page shows when rendering it failed. The error's own text may carry SQL or a stack, so
 * only its digest (the id in the server log) is shown, for a support request.
 */
export function ErrorScreen({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-5 text-center">
      <Logo className="mb-10" />
      <div role="alert" className="flex flex-col items-center">
        <span className="grid size-12 place-items-center rounded-2xl bg-danger-soft text-danger">
          <CircleAlert aria-hidden className="size-6" />
        </span>
        <h1 className="mt-4 text-3xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="mt-2 max-w-sm text-fg-muted">This page could not be shown. Your conversations and settings are safe; trying again usually helps.</p>
      </div>
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
        <Button type="button" onClick={onRetry}>
          <RotateCcw aria-hidden className="size-4" />
          Try again
        </Button>
        <Link href="/" className={buttonClasses({ variant: "secondary" })}>
          Back to LiveMind
        </Link>
      </div>
      {digest ? <p className="mt-6 text-xs text-fg-muted">Reference: {digest}</p> : null}
    </main>
  );
}
