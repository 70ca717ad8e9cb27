import { AlertEvents } from "@/components/admin/alert-events";
import { AlertRuleForm } from "@/components/admin/alert-rule-form";
import { Card, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { listAlertHistory, listAlertRules, listOpenAlerts } from "@/db/queries/alerts";
import { requirePageAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AdminAlertsPage() {
  const admin = await requirePageAdmin();
  const db = await getDb();
  const [rules, open, history] = await Promise.all([
    listAlertRules(db, { actorId: admin.id }),
    listOpenAlerts(db, { actorId: admin.id }),
    listAlertHistory(db, { actorId: admin.id, limit: 50 }),
  ]);
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader title="Open alerts" description="Rules whose metric is above their threshold now." />
        <AlertEvents events={open} testId="alerts-open" empty="Nothing is ringing." />
      </Card>
      <Card>
        <CardHeader title="New rule" description="Evaluated by the cron route every run and on admin page views (at most once a minute)." />
        <AlertRuleForm />
      </Card>
      <Card>
        <CardHeader title="Rules" />
        {rules.length === 0 ? (
          <p className="text-sm text-fg-muted">No rules yet.</p>
        ) : (
          <div className="grid gap-6 divide-y divide-border">
            {rules.map((r) => (
              <div key={r.id} className="pt-4 first:pt-0">
                <AlertRuleForm rule={{ id: r.id, name: r.name, metric: r.metric, threshold: r.threshold, windowMinutes: r.windowMinutes, minSamples: r.minSamples, enabled: r.enabled }} />
              </div>
            ))}
          </div>
        )}
      </Card>
      <Card>
        <CardHeader title="History" />
        <AlertEvents events={history} testId="alerts-history" empty="No alert has fired yet." />
      </Card>
    </div>
  );
}
