import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db";
import { listAccountErasures } from "@/db/queries/admin-audit";
import { listUsersForAdmin } from "@/db/queries/users";
import { AuditLog } from "@/components/admin/audit-log";
import { UserFilters } from "@/components/admin/user-filters";
import { UserSearch } from "@/components/admin/user-search";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageAdmin } from "@/lib/auth/session";
import { storableText } from "@/lib/validation/columns";

export const metadata: Metadata = { title: "Users · Admin" };

const LIST_LIMIT = 100;

const query = z.object({
  q: storableText().trim().max(100).optional().catch(undefined),
  status: z.enum(["all", "admins", "banned"]).optional().catch(undefined),
});

function describe(count: number, q: string | undefined) {
  const capped = count >= LIST_LIMIT ? `First ${LIST_LIMIT} accounts` : `${count} ${count === 1 ? "account" : "accounts"}`;
  return q ? `${capped} matching “${q}”` : capped;
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageAdmin();
  const { q, status = "all" } = query.parse(await searchParams);
  const db = await getDb();
  const [users, erasures] = await Promise.all([
    listUsersForAdmin(db, { actorId: admin.id, search: q || undefined, status, limit: LIST_LIMIT }),
    listAccountErasures(db, { actorId: admin.id }),
  ]);
  return (
    <>
      <PageHeader title="Users" description="Everyone with an account here. Open one to see its activity, or to ban it or sign it out." />
      <Card>
        <CardHeader title="Accounts" description={describe(users.length, q)} action={<UserSearch initial={q ?? ""} status={status} />} />
        <UserFilters status={status} q={q ?? ""} />
        <UsersTable users={users} currentUserId={admin.id} />
      </Card>
      {erasures.length ? (
        <div className="mt-6">
          <AuditLog entries={erasures} title="Erased accounts" description="Accounts admins deleted: who did it and when. Nothing else of those accounts is kept." testId="erasures-log" />
        </div>
      ) : null}
    </>
  );
}
