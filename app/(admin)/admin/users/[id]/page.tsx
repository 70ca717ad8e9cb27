import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listAdminActionsForUser } from "@/db/queries/admin-audit";
import { getUserForAdmin } from "@/db/queries/users";
import { AuditLog } from "@/components/admin/audit-log";
import { UserActions } from "@/components/admin/user-actions";
import { BanNotice, UserFacts } from "@/components/admin/user-facts";
import { UserHeader } from "@/components/admin/user-header";
import { requirePageAdmin } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { banUser, revokeUserSessions, unbanUser } from "../actions";

export const metadata: Metadata = { title: "User · Admin" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePageAdmin();
  const { id } = await params;
  const db = await getDb();
  const [user, entries] = await Promise.all([
    getUserForAdmin(db, { actorId: admin.id, userId: id }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "not_found:user") notFound();
      throw error;
    }),
    listAdminActionsForUser(db, { actorId: admin.id, targetUserId: id }),
  ]);
  const isSelf = user.id === admin.id;

  return (
    <>
      <UserHeader
        user={user}
        actions={
          isSelf ? (
            <p className="text-sm text-fg-muted">This is your account: ban and sign-out are for other accounts.</p>
          ) : (
            <UserActions user={user} ban={banUser} unban={unbanUser} revoke={revokeUserSessions} />
          )
        }
      />
      <div className="flex flex-col gap-6">
        <BanNotice user={user} />
        <UserFacts user={user} />
        {/* Per-user insights (the analytics branch's section for this user, as the admin sees it) go here, between the account and its audit log. */}
        <AuditLog entries={entries} />
      </div>
    </>
  );
}
