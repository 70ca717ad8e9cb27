"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * A moment in the reader's own time zone and locale. The server does not know them, so its
 * HTML carries the UTC date and the browser replaces it once hydrated.
 */
export function LocalDateTime({ iso, testId }: { iso: string; testId?: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => format.format(new Date(iso)),
    () => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`,
  );
  return (
    <time dateTime={iso} data-testid={testId}>
      {text}
    </time>
  );
}
