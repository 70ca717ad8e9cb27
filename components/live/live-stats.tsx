import type { LiveStats } from "@/lib/live/contract";

/** Counters for tests and benchmarks: read by Playwright, never shown. */
export function LiveStatsProbe({ stats, sessionId }: { stats: LiveStats; sessionId: string | null }) {
  return (
    <div
      hidden
      aria-hidden
      data-testid="live-stats"
      data-session-id={sessionId ?? ""}
      data-audio-chunks-sent={stats.audioChunksSent}
      data-video-frames-sent={stats.videoFramesSent}
      data-audio-chunks-received={stats.audioChunksReceived}
      data-played-ms={Math.round(stats.playedMs)}
      data-scheduled-ms={Math.round(stats.scheduledMs)}
      data-turns-pending={stats.turnsPending}
      data-turns-acknowledged={stats.turnsAcknowledged}
      data-resumptions={stats.resumptions}
    />
  );
}
