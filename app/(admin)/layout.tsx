import { AdminNav } from "@/components/admin/admin-nav";
import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { listOpenAlerts } from "@/db/queries/alerts";
import { deliverAlertChange } from "@/lib/alerts/deliver";
import { evaluateAlertRules, PAGE_VIEW_EVALUATION_INTERVAL_MS } from "@/lib/alerts/evaluate";
import { requirePageAdmin } from "@/lib/auth/session";
import { logError } from "@/lib/errors/log";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageAdmin();
  const db = await getDb();
  // Admin page views evaluate the alert rules too (throttled in the database), so the bell is
  // current between cron runs; a failed evaluation never keeps an admin out.
  await evaluateAlertRules(db, { minIntervalMs: PAGE_VIEW_EVALUATION_INTERVAL_MS, deliver: deliverAlertChange }).catch((error: unknown) =>
    logError("alerts: evaluate on admin page view", error),
  );
  const open = await listOpenAlerts(db, { actorId: user.id });
  return (
    <AppShell user={user}>
      <AdminNav openAlerts={open.length} />
      {children}
    </AppShell>
  );
}
