"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveAlertRule } from "@/app/(admin)/admin/alerts/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ALERT_METRICS, METRIC_LABELS, type AlertMetric } from "@/lib/alerts/metrics";

export interface AlertRuleValues {
  id: string | null;
  name: string;
  metric: AlertMetric;
  threshold: number;
  windowMinutes: number;
  minSamples: number;
  enabled: boolean;
}

const NEW_RULE: AlertRuleValues = { id: null, name: "", metric: "heard_latency_p95", threshold: 2000, windowMinutes: 60, minSamples: 10, enabled: true };

/** Create (no rule) or edit a rule. Numbers are sent as numbers; the server's zod schema has the last word. */
export function AlertRuleForm({ rule = NEW_RULE }: { rule?: AlertRuleValues }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const prefix = rule.id ? `alert-rule-${rule.id}` : "alert-rule-new";

  function submit(form: FormData) {
    const value = (key: string) => String(form.get(key) ?? "");
    startTransition(async () => {
      const result = await saveAlertRule({
        ruleId: rule.id,
        name: value("name"),
        metric: value("metric"),
        threshold: Number(value("threshold")),
        windowMinutes: Number(value("windowMinutes")),
        minSamples: Number(value("minSamples")),
        enabled: form.get("enabled") === "on",
      });
      if (result.ok) {
        setErrors({});
        setMessage("Saved.");
        router.refresh();
      } else {
        const fieldErrors = (result.error as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
        setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v[0] ?? ""])));
        setMessage(result.error.message);
      }
    });
  }

  return (
    <form action={submit} data-testid={prefix} className="grid gap-3 sm:grid-cols-2">
      <Field label="Name" name="name" defaultValue={rule.name} error={errors.name} maxLength={120} required data-testid={`${prefix}-name`} />
      <label className="grid gap-1 text-sm">
        <span className="font-medium">Metric</span>
        <select name="metric" defaultValue={rule.metric} data-testid={`${prefix}-metric`} className="h-10 min-w-0 rounded-lg border border-border bg-surface px-2 text-fg">
          {ALERT_METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m].label} ({METRIC_LABELS[m].unit})
            </option>
          ))}
        </select>
      </label>
      <Field label="Fires above" name="threshold" type="number" step="any" min={0} defaultValue={rule.threshold} error={errors.threshold} data-testid={`${prefix}-threshold`} />
      <Field label="Window (minutes)" name="windowMinutes" type="number" min={1} defaultValue={rule.windowMinutes} error={errors.windowMinutes} data-testid={`${prefix}-window`} />
      <Field label="Minimum samples" name="minSamples" type="number" min={1} defaultValue={rule.minSamples} error={errors.minSamples} data-testid={`${prefix}-min-samples`} />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name="enabled" defaultChecked={rule.enabled} data-testid={`${prefix}-enabled`} className="size-4 accent-accent" />
        Enabled
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" pending={pending} data-testid={`${prefix}-save`}>
          {rule.id ? "Save rule" : "Create rule"}
        </Button>
        {message && (
          <span role="status" className="text-sm text-fg-muted">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}
