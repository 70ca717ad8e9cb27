import "server-only";
import type { Database } from "@/db";
import { listAdminRecipients } from "@/db/queries/alerts";
import { sendEmail } from "@/lib/email/send";
import { logError } from "@/lib/errors/log";
import { appBaseUrl } from "@/lib/env";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { alertMessage, type AlertChange } from "./messages";

export const ADMIN_ALERTS_PATH = "/admin/alerts";

/**
 * Everything that happens when an alert fires or resolves, beyond the event row itself (which is
 * the in-app delivery: the bell reads open events): mail to every admin through the email
 * transport, and `alert.fired` / `alert.resolved` to the admins' webhook endpoints, keyed by the
 * event and its change so a retry never sends twice.
 *
 * A failed mail is logged and does not undo the event: the bell still shows it.
 */
export async function deliverAlertChange(db: Database, change: AlertChange): Promise<void> {
  const content = alertMessage(change, `${appBaseUrl()}${ADMIN_ALERTS_PATH}`);
  const admins = await listAdminRecipients(db);
  for (const admin of admins) {
    try {
      await sendEmail(db, { email: admin.email, userId: admin.userId }, content);
    } catch (error) {
      logError(`alerts: mail ${change.kind} ${change.eventId} to admin ${admin.userId}`, error);
    }
  }
  const { rule } = change;
  await emitWebhookEvent(db, {
    userId: null,
    type: change.kind === "fired" ? "alert.fired" : "alert.resolved",
    key: `${change.eventId}:${change.kind}`,
    // Metadata only, as on the admin pages: the rule and the figure, never anyone's content.
    data: { eventId: change.eventId, rule: { id: rule.id, name: rule.name, metric: rule.metric, threshold: rule.threshold, windowMinutes: rule.windowMinutes }, value: change.value, sampleCount: change.sampleCount, at: change.at.toISOString() },
    now: change.at,
  });
}
