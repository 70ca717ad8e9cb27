"use client";

import { ErrorScreen } from "@/components/shell/error-screen";
import "./globals.css";

// Replaces the root layout when it fails, so it brings its own document, styles and title.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · LiveMind</title>
      </head>
      <body className="min-h-dvh">
        <ErrorScreen digest={error.digest} onRetry={reset} />
      </body>
    </html>
  );
}
