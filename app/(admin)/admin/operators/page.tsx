import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { getDb } from "@/db";
import { listLiveOperations } from "@/db/queries/operators";
import { requirePageAdmin } from "@/lib/auth/session";
import { formatDuration } from "@/lib/format/duration";

export const dynamic = "force-dynamic";

const dash = (value: number | null, suffix = "") => (value === null ? "—" : `${value}${suffix}`);

/** Conversations open now and their health: metadata only (no transcript, title or persona). */
export default async function OperatorsPage() {
  const admin = await requirePageAdmin();
  const db = await getDb();
  const now = new Date();
  const live = await listLiveOperations(db, { actorId: admin.id, now });
  return (
    <>
      <PageHeader title="Operators" description="Conversations open right now and how they are going: metadata only, never what is said." />
      <Card>
        <CardHeader
          title={`Live conversations (${live.length})`}
          description="Reconnects and errors appear once the browser has reported them. Refresh for the latest."
        />
        {live.length === 0 ? (
          <p className="px-5 py-4 text-sm text-fg-muted sm:px-6" data-testid="operators-empty">No conversation is open right now.</p>
        ) : (
          <div className="overflow-x-auto px-5 pb-2 sm:px-6">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="operators-table">
              <thead className="text-fg-muted">
                <tr>
                  <th className="py-2 pr-3 font-medium">User</th>
                  <th className="py-2 pr-3 font-medium">Started</th>
                  <th className="py-2 pr-3 font-medium">Duration</th>
                  <th className="py-2 pr-3 font-medium">p95</th>
                  <th className="py-2 pr-3 font-medium">Answers</th>
                  <th className="py-2 pr-3 font-medium">Reconnects</th>
                  <th className="py-2 font-medium">Errors</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {live.map((o) => (
                  <tr key={o.sessionId} data-testid="operators-row">
                    <td className="max-w-48 truncate py-2 pr-3">{o.email}</td>
                    <td className="py-2 pr-3"><LocalDateTime iso={o.startedAt.toISOString()} /></td>
                    <td className="py-2 pr-3">{formatDuration(Math.max(0, Math.round((now.getTime() - o.startedAt.getTime()) / 1000)))}</td>
                    <td className="py-2 pr-3">{dash(o.p95Ms, " ms")}</td>
                    <td className="py-2 pr-3">{o.turns}</td>
                    <td className="py-2 pr-3">{dash(o.reconnects)}</td>
                    <td className="py-2">{dash(o.errors)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
