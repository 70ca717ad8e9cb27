"use client";

import { useEffect, useMemo, useRef } from "react";

/** After the reader scrolls by hand, playback leaves the page where they put it for this long. */
const HAND_SCROLL_HOLD_MS = 4000;
const SCROLL_KEYS = new Set(["PageUp", "PageDown", "Home", "End"]);

export type RevealReason = "playback" | "user" | "open";

/**
 * Brings a transcript line into view without fighting the reader: a line that is already in
 * view is left where it is, and playback does not scroll while the reader has just scrolled.
 */
export function useFollowScroll(listRef: React.RefObject<HTMLElement | null>) {
  const scrolledByHandAt = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    const mark = () => {
      scrolledByHandAt.current = performance.now();
    };
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key)) mark();
    };
    window.addEventListener("wheel", mark, { passive: true });
    window.addEventListener("touchmove", mark, { passive: true });
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("wheel", mark);
      window.removeEventListener("touchmove", mark);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

  return useMemo(
    () => ({
      reveal(index: number, reason: RevealReason) {
        if (reason === "playback" && performance.now() - scrolledByHandAt.current < HAND_SCROLL_HOLD_MS) return;
        const line = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        if (!line) return;
        const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches || reason === "open";
        line.scrollIntoView({ block: reason === "open" ? "center" : "nearest", behavior: calm ? "instant" : "smooth" });
      },
    }),
    [listRef],
  );
}
