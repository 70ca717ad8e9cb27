import type { SessionAnalyticsSummary } from "@/lib/live/contract";

/*
 * Per-session aggregates computed from stored turns plus the counters only the browser knows.
 * Pure functions: the DAL feeds them rows, so analytics can be recomputed whenever late turns
 * arrive for a session that already ended.
 */

export interface TurnMetricsRow {
  sender: "user" | "model";
  latencyMs: number | null;
  interrupted: boolean;
  inputTokens: number | null;
  outputTokens: number | null;
}

export interface ClientSessionStats {
  audioSeconds: number;
  videoFrameCount: number;
  errorCount: number;
}

/** The same figures the end action reports to the browser. */
export type SessionMetrics = SessionAnalyticsSummary;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] ?? null;
}

/**
 * The same nearest-rank percentile over a histogram: distinct values ascending and how many
 * times each occurred. Exact, and what the cross-user daily rollups store.
 */
export function percentileFromHistogram(values: readonly number[], counts: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    seen += counts[i] ?? 0;
    if (seen >= rank) return values[i] ?? null;
  }
  return values[values.length - 1] ?? null;
}

/** The model turns' response times, ascending, and their sum: what cross-session percentiles and means are built from. */
export function sessionLatencies(turns: readonly TurnMetricsRow[]): { latenciesMs: number[]; latencySumMs: number } {
  const latenciesMs = turns
    .filter((turn) => turn.sender === "model" && turn.latencyMs !== null)
    .map((turn) => turn.latencyMs as number)
    .sort((a, b) => a - b);
  return { latenciesMs, latencySumMs: latenciesMs.reduce((total, value) => total + value, 0) };
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

export function computeSessionMetrics(turns: readonly TurnMetricsRow[], client: ClientSessionStats): SessionMetrics {
  const modelTurns = turns.filter((turn) => turn.sender === "model");
  const latencies = modelTurns.map((turn) => turn.latencyMs).filter((value): value is number => value !== null);
  return {
    userMessageCount: turns.length - modelTurns.length,
    modelMessageCount: modelTurns.length,
    responseTimeMeanMs: mean(latencies),
    responseTimeP95Ms: percentileNearestRank(latencies, 95),
    // Only the companion can be interrupted: the user's speech cuts a model turn short.
    interruptionCount: modelTurns.filter((turn) => turn.interrupted).length,
    errorCount: client.errorCount,
    tokensIn: sum(turns.map((turn) => turn.inputTokens)),
    tokensOut: sum(turns.map((turn) => turn.outputTokens)),
    audioSeconds: client.audioSeconds,
    videoFrameCount: client.videoFrameCount,
  };
}
