import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listAdminActionsForUser } from "@/db/queries/admin-audit";
import { getQuotaOverride } from "@/db/queries/quotas";
import { getApiKeyCountsForAdmin } from "@/db/queries/api-keys-admin";
import { getUserForAdmin } from "@/db/queries/users";
import { AuditLog } from "@/components/admin/audit-log";
import { RangePicker } from "@/components/analytics/range-picker";
import { TimeZoneSync } from "@/components/analytics/time-zone-sync";
import { UserInsights } from "@/components/analytics/user-insights";
import { DeleteUserButton } from "@/components/admin/delete-user-button";
import { UserActions } from "@/components/admin/user-actions";
import { UserApiKeys } from "@/components/admin/user-api-keys";
import { BanNotice, UserFacts } from "@/components/admin/user-facts";
import { UserHeader } from "@/components/admin/user-header";
import { UserQuotas } from "@/components/admin/user-quotas";
import { rangeFromSearchParams } from "@/lib/analytics/range";
import { getViewerTimeZone } from "@/lib/analytics/viewer-zone";
import { requirePageAdmin } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { getQuotaUsage, quotaDefaults } from "@/lib/quotas/service";
import { hasNul } from "@/lib/validation/columns";
import { banUser, deleteUser, revokeUserApiKeys, revokeUserSessions, setUserQuota, unbanUser } from "../actions";

export const metadata: Metadata = { title: "User · Admin" };

export default async function AdminUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePageAdmin();
  const { id } = await params;
  // No account id holds a NUL, and Postgres refuses one in a query: answer as for any unknown id.
  if (hasNul(id)) notFound();
  const db = await getDb();
  const timeZone = await getViewerTimeZone();
  const range = rangeFromSearchParams(await searchParams, { timeZone });
  const [user, entries, apiKeyCounts] = await Promise.all([
    getUserForAdmin(db, { actorId: admin.id, userId: id }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "not_found:user") notFound();
      throw error;
    }),
    listAdminActionsForUser(db, { actorId: admin.id, targetUserId: id }),
    getApiKeyCountsForAdmin(db, { actorId: admin.id, userId: id }),
  ]);
  const isSelf = user.id === admin.id;
  // After the account is known to exist: an unknown id stays a plain 404.
  const [usage, override] = await Promise.all([getQuotaUsage(db, { userId: user.id }), getQuotaOverride(db, { userId: user.id })]);

  return (
    <>
      <UserHeader
        user={user}
        actions={
          isSelf ? (
            <p className="text-sm text-fg-muted">This is your account: ban, sign-out and deletion are for other accounts.</p>
          ) : (
            <div className="flex flex-wrap gap-2">
              <UserActions user={user} ban={banUser} unban={unbanUser} revoke={revokeUserSessions} />
              <DeleteUserButton user={user} remove={deleteUser} />
            </div>
          )
        }
      />
      <div className="flex flex-col gap-6">
        <BanNotice user={user} />
        <UserFacts user={user} />
        <UserQuotas userId={user.id} usage={usage} override={override} defaults={quotaDefaults()} save={setUserQuota} />
        <UserApiKeys userId={user.id} counts={apiKeyCounts} revoke={revokeUserApiKeys} />
        <section aria-labelledby="user-insights-title" className="flex flex-col gap-3">
          <h2 id="user-insights-title" className="text-base font-semibold text-fg">
            Insights
          </h2>
          <TimeZoneSync serverTimeZone={timeZone} />
          <RangePicker range={range} timeZone={timeZone} basePath={`/admin/users/${encodeURIComponent(user.id)}`} />
          <UserInsights viewer={admin} userId={user.id} range={range} timeZone={timeZone} />
        </section>
        <AuditLog entries={entries} />
      </div>
    </>
  );
}
