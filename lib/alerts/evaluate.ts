import "server-only";
import type { Database } from "@/db";
import { readAlertMetric } from "@/db/queries/alert-metrics";
import { claimRulesToEvaluate, fireAlert, resolveAlert } from "@/db/queries/alerts";
import { logError } from "@/lib/errors/log";
import { decideAlert, type AlertMetric, type MetricReading } from "./metrics";
import type { AlertChange } from "./messages";

/** How often an admin's page views may evaluate the rules; the cron route always does. */
export const PAGE_VIEW_EVALUATION_INTERVAL_MS = 60_000;

export interface EvaluationSummary {
  evaluated: number;
  fired: number;
  resolved: number;
}

type Deliver = (db: Database, change: AlertChange) => Promise<void>;

/**
 * Evaluates the enabled rules due for it, fires and resolves their events and hands each change
 * to `deliver` once (only the call that opened or closed the event delivers it). Rules with the
 * same metric and window share one reading.
 */
export async function evaluateAlertRules(
  db: Database,
  { now = new Date(), minIntervalMs = 0, deliver }: { now?: Date; minIntervalMs?: number; deliver: Deliver },
): Promise<EvaluationSummary> {
  const rules = await claimRulesToEvaluate(db, { now, minIntervalMs });
  const readings = new Map<string, Promise<MetricReading>>();
  const read = (metric: AlertMetric, windowMinutes: number) => {
    const key = `${metric}:${windowMinutes}`;
    let reading = readings.get(key);
    if (!reading) {
      reading = readAlertMetric(db, metric, { since: new Date(now.getTime() - windowMinutes * 60_000), now });
      readings.set(key, reading);
    }
    return reading;
  };
  const summary: EvaluationSummary = { evaluated: rules.length, fired: 0, resolved: 0 };
  for (const rule of rules) {
    const reading = await read(rule.metric, rule.windowMinutes);
    const decision = decideAlert(rule, reading, rule.open);
    if (decision === "keep") continue;
    const event =
      decision === "fire"
        ? await fireAlert(db, { ruleId: rule.id, value: reading.value, sampleCount: reading.samples, now })
        : await resolveAlert(db, { ruleId: rule.id, value: reading.value, now });
    if (!event) continue;
    summary[decision === "fire" ? "fired" : "resolved"] += 1;
    const change: AlertChange = {
      kind: decision === "fire" ? "fired" : "resolved",
      eventId: event.id,
      rule: { id: rule.id, name: rule.name, metric: rule.metric, threshold: rule.threshold, windowMinutes: rule.windowMinutes },
      value: reading.value,
      sampleCount: reading.samples,
      at: now,
    };
    await deliver(db, change).catch((error: unknown) => logError(`alerts: deliver ${change.kind} ${event.id}`, error));
  }
  return summary;
}
