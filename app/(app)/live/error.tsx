"use client";

import { CircleAlert, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function LiveError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="flex flex-col items-center gap-4 px-6 py-14 text-center" role="alert">
      <span className="grid size-12 place-items-center rounded-2xl bg-danger-soft text-danger">
        <CircleAlert aria-hidden className="size-6" />
      </span>
      <div>
        <h1 className="text-lg font-semibold">The Live page could not load</h1>
        <p className="mt-1 text-fg-muted">Something went wrong on our side. Your past conversations are safe.</p>
      </div>
      <Button variant="secondary" onClick={reset}>
        <RotateCcw aria-hidden className="size-4" />
        Try again
      </Button>
    </Card>
  );
}
