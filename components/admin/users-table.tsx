import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { UserSummary } from "@/db/queries/users";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function UsersTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  if (users.length === 0) {
    return (
      <div className="flex flex-col items-center px-6 py-14 text-center">
        <Users aria-hidden className="mb-3 size-8 text-fg-muted" />
        <p className="font-medium">No users found</p>
        <p className="text-sm text-fg-muted">Try another name or email.</p>
      </div>
    );
  }
  return (
    <table className="w-full text-sm" data-testid="users-table">
      <thead className="hidden text-left text-xs tracking-wide text-fg-muted uppercase sm:table-header-group">
        <tr className="border-b border-border">
          <th scope="col" className="px-6 py-3 font-medium">User</th>
          <th scope="col" className="px-3 py-3 font-medium">Role</th>
          <th scope="col" className="px-3 py-3 text-right font-medium">Conversations</th>
          <th scope="col" className="px-6 py-3 text-right font-medium">Joined</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {users.map((user) => (
          <tr key={user.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3.5 sm:table-row sm:px-0" data-testid="user-row">
            <td className="w-full min-w-0 sm:w-auto sm:px-6 sm:py-3.5">
              <div className="font-medium break-words">
                {user.name}
                {user.id === currentUserId ? <span className="ml-1.5 text-xs font-normal text-fg-muted">(you)</span> : null}
              </div>
              <div className="text-fg-muted break-all">{user.email}</div>
            </td>
            <td className="sm:px-3 sm:py-3.5">
              <Badge tone={user.role === "admin" ? "accent" : "neutral"}>{user.role === "admin" ? "Admin" : "Member"}</Badge>
              {user.banned ? (
                <Badge tone="danger" className="ml-1.5">
                  Banned
                </Badge>
              ) : null}
            </td>
            <td className="text-[13px] text-fg-muted tabular-nums sm:px-3 sm:py-3.5 sm:text-right sm:text-sm sm:text-fg">
              {user.sessionCount}
              <span className="sm:hidden"> {user.sessionCount === 1 ? "conversation" : "conversations"}</span>
            </td>
            <td className="text-[13px] text-fg-muted sm:px-6 sm:py-3.5 sm:text-right sm:text-sm">
              <span className="sm:hidden">Joined </span>
              {dateFormat.format(user.createdAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
