import { estimateCostUsd } from "@/lib/analytics/pricing";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";

/*
 * Alert metrics as pure functions of what the DAL reads (db/queries/alert-metrics.ts): aggregates
 * over every user, never content. Each gives the value compared with a rule's threshold and the
 * number of samples behind it (compared with the rule's minimum).
 */

export const ALERT_METRICS = [
  "heard_latency_p95",
  "error_rate",
  "gemini_key_failures",
  "daily_cost",
  "concurrent_conversations",
  "job_failures",
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const METRIC_LABELS: Record<AlertMetric, { label: string; unit: string }> = {
  heard_latency_p95: { label: "p95 heard latency", unit: "ms" },
  error_rate: { label: "Error rate", unit: "%" },
  gemini_key_failures: { label: "Gemini key failures", unit: "conversations" },
  daily_cost: { label: "Estimated cost", unit: "USD" },
  concurrent_conversations: { label: "Concurrent conversations", unit: "conversations" },
  job_failures: { label: "Background job failures", unit: "jobs" },
};

/** An alert event with its rule, as the admin pages list it (db/queries/alerts.ts reads it). */
export interface AlertEventWithRule {
  id: string;
  ruleId: string;
  firedAt: Date;
  resolvedAt: Date | null;
  value: number;
  sampleCount: number;
  resolvedValue: number | null;
  ruleName: string;
  metric: AlertMetric;
  threshold: number;
}

export interface MetricReading {
  value: number;
  samples: number;
}

/** Answer latencies (end of the user's speech → first audible answer): p95 by nearest rank, as the analytics use. */
export function latencyP95(latenciesMs: readonly number[]): MetricReading {
  return { value: percentileNearestRank(latenciesMs, 95) ?? 0, samples: latenciesMs.length };
}

/** Share of the window's conversations that ended in an error, in percent. */
export function errorRate({ conversations, errors }: { conversations: number; errors: number }): MetricReading {
  return { value: conversations === 0 ? 0 : (100 * errors) / conversations, samples: conversations };
}

/** Conversations of the window that ended because Gemini refused the key. */
export function keyFailures({ conversations, keyFailures: failures }: { conversations: number; keyFailures: number }): MetricReading {
  return { value: failures, samples: conversations };
}

/** Estimated cost of the window's conversations (list prices per model). */
export function windowCost(byModel: { model: string; conversations: number; tokensIn: number; tokensOut: number }[]): MetricReading {
  let value = 0;
  let samples = 0;
  for (const row of byModel) {
    value += estimateCostUsd({ model: row.model, tokensIn: row.tokensIn, tokensOut: row.tokensOut });
    samples += row.conversations;
  }
  return { value, samples };
}

/** Conversations open right now: one observation, so one sample. */
export function concurrentConversations(open: number): MetricReading {
  return { value: open, samples: 1 };
}

/** Background jobs that gave up in the window, out of all that finished. */
export function jobFailures({ finished, failed }: { finished: number; failed: number }): MetricReading {
  return { value: failed, samples: finished };
}

export type AlertDecision = "fire" | "resolve" | "keep";

/**
 * Fires when the value is above the threshold with enough samples; resolves an open alert when
 * the value is back at or under it with enough samples. Too few samples change nothing: a quiet
 * hour neither raises an alert nor clears one it cannot judge.
 */
export function decideAlert(
  rule: { threshold: number; minSamples: number },
  reading: MetricReading,
  open: boolean,
): AlertDecision {
  if (reading.samples < Math.max(1, rule.minSamples)) return "keep";
  const above = reading.value > rule.threshold;
  if (above && !open) return "fire";
  if (!above && open) return "resolve";
  return "keep";
}
