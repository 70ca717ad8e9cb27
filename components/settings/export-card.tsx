import { Download } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

/** Everything the user has said here, in one file they can keep. */
export function ExportCard({ href }: { href: string }) {
  return (
    <Card data-testid="export-card">
      <CardHeader title="Your data" description="Download your whole history in one JSON file: every conversation with its transcript, timings and analytics." />
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 sm:px-6">
        <p className="text-sm text-fg-muted">Recorded audio and camera frames are listed, not included; play them from each conversation&apos;s replay.</p>
        <a href={href} download className={buttonClasses({ variant: "secondary" })} data-testid="export-everything">
          <Download aria-hidden className="size-4" />
          Export everything
        </a>
      </div>
    </Card>
  );
}
