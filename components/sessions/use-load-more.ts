import { useEffect, useRef } from "react";

/** Calls `load` when the returned element scrolls into view (the end of a list), while `enabled`. */
export function useLoadMore<T extends Element>(load: () => void, enabled: boolean) {
  const ref = useRef<T>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    }, { rootMargin: "400px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
