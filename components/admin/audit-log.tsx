import { Ban, Gauge, History, KeyRound, LogOut, ShieldCheck, Trash2, type LucideIcon } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { AdminAuditEntry } from "@/lib/admin/types";
import { formatDateTime, formatRelative, plural } from "./format";

interface Presented {
  icon: LucideIcon;
  tone: string;
  verb: string;
  facts: string[];
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const number = (value: unknown) => (typeof value === "number" ? value : null);

const limitText = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : "default");

/** "Minutes a month: default → 120": only the limits that changed. */
function quotaFacts(details: Record<string, unknown>): string[] {
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  const labels = { concurrentSessionsLimit: "Conversations at once", monthlyMinutesLimit: "Minutes a month" } as const;
  return (Object.keys(labels) as (keyof typeof labels)[])
    .filter((key) => before[key] !== after[key])
    .map((key) => `${labels[key]}: ${limitText(before[key])} → ${limitText(after[key])}`);
}

function present(entry: AdminAuditEntry): Presented {
  const { details } = entry;
  const ended = number(details.sessionsRevoked);
  const endedFact = ended ? [`Ended ${plural(ended, "session")}`] : [];
  switch (entry.action) {
    case "ban": {
      const until = text(details.expiresAt);
      return {
        icon: Ban,
        tone: "bg-danger-soft text-danger",
        verb: "banned this account",
        facts: [...(text(details.reason) ? [`Reason: ${text(details.reason)}`] : []), until ? `Until ${formatDateTime(new Date(until))}` : "Until lifted", ...endedFact],
      };
    }
    case "unban":
      return { icon: ShieldCheck, tone: "bg-success-soft text-success", verb: "lifted the ban", facts: [] };
    case "revoke_sessions":
      return { icon: LogOut, tone: "bg-accent-soft text-accent", verb: "signed this account out everywhere", facts: endedFact };
    case "set_quota":
      return { icon: Gauge, tone: "bg-accent-soft text-accent", verb: "changed the quotas", facts: quotaFacts(details) };
    case "revoke_api_keys": {
      const keys = number(details.keysRevoked) ?? 0;
      return { icon: KeyRound, tone: "bg-accent-soft text-accent", verb: "revoked this account's API keys", facts: [`Revoked ${plural(keys, "key")}`] };
    }
    case "delete_account": {
      const conversations = number(details.conversations);
      return {
        icon: Trash2,
        tone: "bg-danger-soft text-danger",
        verb: "erased an account",
        facts: [...(text(details.erasedUserId) ? [`Account id ${text(details.erasedUserId)}`] : []), ...(conversations !== null ? [`${plural(conversations, "conversation")} erased`] : [])],
      };
    }
    default:
      return { icon: History, tone: "bg-surface-muted text-fg-muted", verb: entry.action.replaceAll("_", " "), facts: [] };
  }
}

export function AuditLog({
  entries,
  title = "Audit log",
  description = "Every admin action on this account: who, what and when.",
  testId,
}: {
  entries: AdminAuditEntry[];
  title?: string;
  description?: string;
  testId?: string;
}) {
  const now = new Date();
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} description={description} />
      {entries.length === 0 ? (
        <div className="flex flex-col items-center px-6 py-10 text-center" data-testid="audit-empty">
          <History aria-hidden className="mb-3 size-7 text-fg-muted" />
          <p className="font-medium">No admin actions yet</p>
          <p className="text-sm text-fg-muted">Bans, unbans, revoked sessions and quota changes will be listed here.</p>
        </div>
      ) : (
        <ol className="divide-y divide-border" data-testid="audit-log">
          {entries.map((entry) => {
            const { icon: Icon, tone, verb, facts } = present(entry);
            return (
              <li key={entry.id} className="flex gap-3 px-5 py-4 sm:px-6" data-testid="audit-entry" data-action={entry.action}>
                <span className={cn("mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full", tone)}>
                  <Icon aria-hidden className="size-4" />
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-col gap-x-3 gap-y-0.5 sm:flex-row sm:items-baseline sm:justify-between">
                    <p className="text-sm">
                      <span className="font-medium [overflow-wrap:anywhere]" data-testid="audit-actor">
                        {entry.actorEmail}
                      </span>{" "}
                      {verb}
                    </p>
                    <time dateTime={entry.createdAt.toISOString()} title={formatRelative(entry.createdAt, now)} className="shrink-0 text-xs text-fg-muted tabular-nums">
                      {formatDateTime(entry.createdAt)}
                    </time>
                  </div>
                  {facts.length ? (
                    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-fg-muted">
                      {facts.map((fact) => (
                        <li key={fact} className="[overflow-wrap:anywhere]">
                          {fact}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
