"use client";

import { useEffect, useState } from "react";

/** Whole seconds since `running` last became true; null while it is false. */
export function useElapsedSeconds(running: boolean): number | null {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const startedAt = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - startedAt) / 1000)), 1000);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [running]);
  return running ? elapsed : null;
}
