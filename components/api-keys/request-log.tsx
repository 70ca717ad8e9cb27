import { Card, CardHeader } from "@/components/ui/card";
import { LocalDateTime } from "@/components/ui/local-date-time";

export interface RequestRow {
  id: number;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  errorCode: string | null;
  createdAt: string;
}

/** The latest calls made with one key: route and outcome only, never what was sent or answered. */
export function RequestLog({ keyName, requests }: { keyName: string; requests: RequestRow[] }) {
  return (
    <Card data-testid="api-request-log">
      <CardHeader title={`Requests: ${keyName}`} description="The latest 50 calls made with this key." />
      {requests.length === 0 ? <p className="px-5 py-5 text-sm text-fg-muted sm:px-6">No requests yet.</p> : null}
      <ul className="divide-y divide-border text-sm">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2 sm:px-6" data-testid="api-request-row" data-status={r.status}>
            <span className="w-10 font-mono text-xs text-fg-muted">{r.method}</span>
            <span className="min-w-0 flex-1 break-all font-mono">{r.route}</span>
            <span className={r.status >= 400 ? "font-mono text-danger" : "font-mono text-success"}>{r.status}</span>
            {r.errorCode ? <span className="font-mono text-xs text-fg-muted">{r.errorCode}</span> : null}
            <span className="text-xs text-fg-muted">{r.durationMs} ms</span>
            <span className="text-xs text-fg-muted">
              <LocalDateTime iso={r.createdAt} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
