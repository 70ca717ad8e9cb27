"use client";

import { useQuery } from "@tanstack/react-query";
import { Radio } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { LocalDateTime } from "@/components/ui/local-date-time";
import type { ActiveSessionsView } from "@/lib/analytics/active-sessions";
import { formatDuration } from "@/lib/format/duration";

export const ACTIVE_SESSIONS_URL = "/api/admin/analytics/active-sessions";
const POLL_MS = 5_000;

async function fetchActive(): Promise<ActiveSessionsView> {
  const response = await fetch(ACTIVE_SESSIONS_URL, { cache: "no-store" });
  if (!response.ok) throw new Error(`active sessions: ${response.status}`);
  return (await response.json()) as ActiveSessionsView;
}

const elapsed = (from: string, to: string) => formatDuration((Date.parse(to) - Date.parse(from)) / 1000);

/** Conversations open right now, refreshed every few seconds. */
export function ActiveSessions({ initial }: { initial: ActiveSessionsView }) {
  const { data, isError } = useQuery({ queryKey: ["admin", "active-sessions"], queryFn: fetchActive, initialData: initial, refetchInterval: POLL_MS, staleTime: 0 });
  return (
    <section className="rounded-2xl border border-border bg-surface shadow-sm" aria-labelledby="active-now-title" data-testid="active-sessions">
      <header className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
        <div className="flex items-center gap-3">
          <span className="relative flex size-9 items-center justify-center rounded-full bg-success-soft text-success">
            <Radio aria-hidden className="size-4" />
          </span>
          <div>
            <h2 id="active-now-title" className="text-sm font-semibold">
              Active now
            </h2>
            <p className="text-xs text-fg-muted" aria-live="polite">
              {isError ? (
                "Could not refresh; retrying."
              ) : (
                <>
                  Updated <LocalDateTime iso={data.asOf} show="time" /> · every {POLL_MS / 1000} s
                </>
              )}
            </p>
          </div>
        </div>
        <p className="text-3xl font-semibold tabular-nums" data-testid="active-sessions-count" aria-label={`${data.count} active conversations`}>
          {data.count}
        </p>
      </header>
      {data.sessions.length > 0 ? (
        <ul className="divide-y divide-border border-t border-border" data-testid="active-sessions-list">
          {data.sessions.map((s) => (
            <li key={s.sessionId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-5 py-2.5 text-sm" data-testid="active-session">
              <div className="min-w-0">
                <p className="truncate font-medium">{s.name}</p>
                <p className="truncate text-xs text-fg-muted">{s.email}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
                <Badge tone={s.status === "ACTIVE" ? "success" : "neutral"}>{s.status === "ACTIVE" ? "Talking" : "Connecting"}</Badge>
                <span>{s.voice}</span>
                <span className="hidden sm:inline">{s.model}</span>
                <span className="tabular-nums">{elapsed(s.startedAt, data.asOf)}</span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="border-t border-border px-5 py-3 text-sm text-fg-muted">Nobody is in a conversation right now.</p>
      )}
    </section>
  );
}
