import { Users } from "lucide-react";
import Link from "next/link";
import type { UserSummary } from "@/lib/admin/types";
import { formatDate, formatDateTime, formatRelative, NO_ACTIVITY } from "./format";
import { RoleBadge, StatusBadge } from "./user-badges";

export function UsersTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  if (users.length === 0) {
    return (
      <div className="flex flex-col items-center px-6 py-14 text-center" data-testid="users-empty">
        <Users aria-hidden className="mb-3 size-8 text-fg-muted" />
        <p className="font-medium">No users found</p>
        <p className="text-sm text-fg-muted">Try another name or email, or another filter.</p>
      </div>
    );
  }
  const now = new Date();
  return (
    <table className="w-full text-sm" data-testid="users-table">
      <thead className="hidden text-left text-xs tracking-wide text-fg-muted uppercase md:table-header-group">
        <tr className="border-b border-border">
          <th scope="col" className="py-3 pr-3 pl-6 font-medium">User</th>
          <th scope="col" className="px-3 py-3 font-medium">Role</th>
          <th scope="col" className="px-3 py-3 font-medium">Status</th>
          <th scope="col" className="px-3 py-3 text-right font-medium">Conversations</th>
          <th scope="col" className="px-3 py-3 text-right font-medium">Last active</th>
          <th scope="col" className="py-3 pr-6 pl-3 text-right font-medium">Joined</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {users.map((user) => (
          <tr
            key={user.id}
            className="relative flex flex-wrap items-center gap-x-2 gap-y-1.5 px-5 py-3.5 transition-colors hover:bg-surface-muted/60 md:table-row md:px-0"
            data-testid="user-row"
            data-user-id={user.id}
          >
            <td className="w-full min-w-0 md:w-auto md:py-3 md:pr-3 md:pl-6">
              {/* The name's link covers the whole row, so a row is one click target. */}
              <Link
                href={`/admin/users/${user.id}`}
                className="font-medium [overflow-wrap:anywhere] after:absolute after:inset-0 after:content-[''] hover:text-accent focus-visible:outline-none focus-visible:after:rounded-lg focus-visible:after:ring-2 focus-visible:after:ring-ring/60"
                data-testid="user-link"
              >
                {user.name}
              </Link>
              {user.id === currentUserId ? <span className="ml-1.5 text-xs text-fg-muted">(you)</span> : null}
              <div className="text-fg-muted [overflow-wrap:anywhere]">{user.email}</div>
            </td>
            <td className="md:px-3 md:py-3">
              <RoleBadge role={user.role} />
            </td>
            <td className="md:px-3 md:py-3">
              <StatusBadge banned={user.banned} />
            </td>
            <td className="basis-full text-[13px] text-fg-muted tabular-nums md:basis-auto md:px-3 md:py-3 md:text-right md:text-sm md:text-fg">
              <span className="whitespace-nowrap">
                {user.sessionCount.toLocaleString("en")}
                <span className="md:hidden"> {user.sessionCount === 1 ? "conversation" : "conversations"}</span>
              </span>
              <span className="md:hidden">
                {/* Separators stay outside the unbreakable fragments, so a narrow row wraps between them. */}
                {user.lastActiveAt ? (
                  <>
                    {" · "}
                    <span className="whitespace-nowrap">active {formatRelative(user.lastActiveAt, now)}</span>
                  </>
                ) : null}
                {" · "}
                <span className="whitespace-nowrap">joined {formatDate(user.createdAt)}</span>
              </span>
            </td>
            <td className="hidden text-right whitespace-nowrap text-fg-muted md:table-cell md:px-3 md:py-3">
              {user.lastActiveAt ? (
                <time dateTime={user.lastActiveAt.toISOString()} title={formatDateTime(user.lastActiveAt)}>
                  {formatRelative(user.lastActiveAt, now)}
                </time>
              ) : (
                <>
                  <span aria-hidden title={NO_ACTIVITY}>
                    —
                  </span>
                  <span className="sr-only">{NO_ACTIVITY}</span>
                </>
              )}
            </td>
            <td className="hidden text-right whitespace-nowrap text-fg-muted md:table-cell md:py-3 md:pr-6 md:pl-3">
              <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
