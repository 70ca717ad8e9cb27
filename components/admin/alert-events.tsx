import { Badge } from "@/components/ui/badge";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { formatMetricValue } from "@/lib/alerts/messages";
import { METRIC_LABELS, type AlertEventWithRule } from "@/lib/alerts/metrics";

/** Alert events (open ones, or the history): rule, value against threshold, when. */
export function AlertEvents({ events, testId, empty }: { events: AlertEventWithRule[]; testId: string; empty: string }) {
  if (events.length === 0) return <p className="text-sm text-fg-muted" data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <ul className="divide-y divide-border" data-testid={testId}>
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid={`${testId}-item`}>
          <div className="min-w-0">
            <p className="truncate font-medium">{e.ruleName}</p>
            <p className="text-fg-muted">
              {METRIC_LABELS[e.metric].label}: {formatMetricValue(e.metric, e.value)} &gt; {formatMetricValue(e.metric, e.threshold)} ({e.sampleCount} samples)
            </p>
          </div>
          <div className="flex items-center gap-2 text-fg-muted">
            <LocalDateTime iso={e.firedAt.toISOString()} />
            {e.resolvedAt ? <Badge tone="success">Resolved</Badge> : <Badge tone="danger">Open</Badge>}
          </div>
        </li>
      ))}
    </ul>
  );
}
