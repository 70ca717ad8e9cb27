import type { LiveStatus } from "@/lib/live/contract";

/** "0:07", "12:34", "1:02:03": a running clock, not a duration in words. */
export function formatClock(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

export function formatLatency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The conversation is running (or being set up): settings that shape it are locked. */
export function isInProgress(status: LiveStatus): boolean {
  return status === "connecting" || status === "live" || status === "reconnecting" || status === "ending";
}
