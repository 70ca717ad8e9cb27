import { LocalDateTime } from "@/components/ui/local-date-time";
import { cn } from "@/components/ui/cn";
import { formatDuration } from "@/lib/format/duration";
import { usedMinutes, type QuotaUsage } from "@/lib/quotas/limits";

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Minutes used this month against the allowance, and conversations at once: for Settings and the admin page. */
export function UsageSummary({ usage, whose = "your" }: { usage: QuotaUsage; whose?: "your" | "their" }) {
  const { quota, usedSeconds, openSessions, resetsAt } = usage;
  const allowanceSeconds = quota.monthlyMinutes * 60;
  const share = allowanceSeconds === 0 ? 1 : Math.min(1, usedSeconds / allowanceSeconds);
  const exhausted = usedSeconds >= allowanceSeconds;
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      <div className="flex flex-col gap-1.5" data-testid="usage-minutes">
        <dt className="text-sm text-fg-muted">Minutes this month</dt>
        <dd className="font-medium">
          {usedMinutes(usage).toLocaleString("en-US")} of {count(quota.monthlyMinutes, "minute")}
          <span className="sr-only"> ({formatDuration(usedSeconds)} used)</span>
        </dd>
        <div
          role="progressbar"
          aria-label={`Share of ${whose} monthly minutes used`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          className="h-2 overflow-hidden rounded-full bg-surface-muted"
        >
          <div className={cn("h-full rounded-full", exhausted ? "bg-danger" : "bg-accent")} style={{ width: `${share * 100}%` }} />
        </div>
        <dd className="text-sm text-fg-muted">
          {exhausted ? "Used up. " : null}Starts again <LocalDateTime iso={resetsAt} />
        </dd>
      </div>
      <div className="flex flex-col gap-1.5" data-testid="usage-concurrent">
        <dt className="text-sm text-fg-muted">Conversations at once</dt>
        <dd className="font-medium">Up to {quota.concurrentSessions.toLocaleString("en-US")}</dd>
        <dd className="text-sm text-fg-muted">{openSessions === 0 ? "None running now" : `${openSessions.toLocaleString("en-US")} running now`}</dd>
      </div>
    </dl>
  );
}
