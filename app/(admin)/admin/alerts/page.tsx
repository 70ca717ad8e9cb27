import { AlertEvents } from "@/components/admin/alert-events";
import { AlertRuleForm } from "@/components/admin/alert-rule-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { listAlertHistory, listAlertRules, listOpenAlerts } from "@/db/queries/alerts";
import { requirePageAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// A card's content sits inside the same margins as its header.
const body = "px-5 py-4 sm:px-6";

export default async function AdminAlertsPage() {
  const admin = await requirePageAdmin();
  const db = await getDb();
  const [rules, open, history] = await Promise.all([
    listAlertRules(db, { actorId: admin.id }),
    listOpenAlerts(db, { actorId: admin.id }),
    listAlertHistory(db, { actorId: admin.id, limit: 50 }),
  ]);
  return (
    <>
      <PageHeader title="Alerts" description="Rules on heard latency, errors, key failures, cost, load and background jobs; what fired and when." />
      <div className="grid gap-6">
        <Card>
          <CardHeader title="Open alerts" description="Rules whose metric is above their threshold now." />
          <div className={body}>
            <AlertEvents events={open} testId="alerts-open" empty="Nothing is ringing." />
          </div>
        </Card>
        <Card>
          <CardHeader title="New rule" description="Evaluated by the cron route every run and on admin page views (at most once a minute)." />
          <div className={body}>
            <AlertRuleForm />
          </div>
        </Card>
        <Card>
          <CardHeader title="Rules" />
          <div className={body}>
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
          </div>
        </Card>
        <Card>
          <CardHeader title="History" />
          <div className={body}>
            <AlertEvents events={history} testId="alerts-history" empty="No alert has fired yet." />
          </div>
        </Card>
      </div>
    </>
  );
}
