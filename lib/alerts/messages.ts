import type { EmailContent } from "@/lib/email/messages";
import { METRIC_LABELS, type AlertMetric } from "./metrics";

/* The alert mail to admins: the rule, the value and where to look. Pure, so the wording is tested. */

export interface AlertChange {
  kind: "fired" | "resolved";
  eventId: string;
  rule: { id: string; name: string; metric: AlertMetric; threshold: number; windowMinutes: number };
  value: number;
  sampleCount: number;
  at: Date;
}

export function formatMetricValue(metric: AlertMetric, value: number): string {
  const { unit } = METRIC_LABELS[metric];
  if (unit === "USD") return `$${value.toFixed(2)}`;
  if (unit === "%") return `${value.toFixed(1)}%`;
  if (unit === "ms") return `${Math.round(value)} ms`;
  return `${Math.round(value)} ${unit}`;
}

export function alertMessage(change: AlertChange, alertsUrl: string): EmailContent {
  const { rule } = change;
  const label = METRIC_LABELS[rule.metric].label;
  const value = formatMetricValue(rule.metric, change.value);
  const threshold = formatMetricValue(rule.metric, rule.threshold);
  const name = rule.name.slice(0, 120);
  const subject = change.kind === "fired" ? `[LiveMind alert] ${name}` : `[LiveMind resolved] ${name}`;
  const state = change.kind === "fired" ? `is above its threshold of ${threshold}` : `is back at or under its threshold of ${threshold}`;
  const body = `${label} over the last ${rule.windowMinutes} minutes ${state}: ${value} (${change.sampleCount} samples).\n\nOpen alerts and history:\n${alertsUrl}\n\n— LiveMind`;
  return { kind: "alert", subject, body, link: alertsUrl };
}
