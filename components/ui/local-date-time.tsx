"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const formats = {
  dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
  time: new Intl.DateTimeFormat(undefined, { timeStyle: "medium" }),
};
const utcText = { dateTime: (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`, time: (iso: string) => `${iso.slice(11, 19)} UTC` };

/**
 * A moment in the reader's own time zone and locale. The server does not know them, so its
 * HTML (and the hydrating render) carries UTC and the browser replaces it right after, which
 * keeps React from discarding the page over a mismatch (#418).
 */
export function LocalDateTime({ iso, show = "dateTime", testId }: { iso: string; show?: keyof typeof formats; testId?: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formats[show].format(new Date(iso)),
    () => utcText[show](iso),
  );
  return (
    <time dateTime={iso} data-testid={testId}>
      {text}
    </time>
  );
}
