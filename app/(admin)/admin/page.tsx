import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/db";
import { listUsersForAdmin } from "@/db/queries/users";
import { UserSearch } from "@/components/admin/user-search";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

const query = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageAdmin();
  const { q } = query.parse(await searchParams);
  const users = await listUsersForAdmin(await getDb(), { actorId: admin.id, search: q || undefined });
  return (
    <>
      <PageHeader title="Admin" description="Everyone who uses this LiveMind deployment." />
      <Card>
        <CardHeader
          title="Users"
          description={q ? `${users.length} matching “${q}”` : `${users.length} ${users.length === 1 ? "account" : "accounts"}`}
          action={<UserSearch initial={q ?? ""} />}
        />
        <UsersTable users={users} currentUserId={admin.id} />
      </Card>
    </>
  );
}
