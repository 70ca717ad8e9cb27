import { CircleSlash } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import type { UserDetail } from "@/lib/admin/types";
import { formatDate, formatDateTime, formatRelative, NO_ACTIVITY, plural } from "./format";
import { RoleBadge, StatusBadge } from "./user-badges";

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className="mt-0.5 font-medium [overflow-wrap:anywhere]" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The suspension, stated where nobody can miss it. */
export function BanNotice({ user }: { user: UserDetail }) {
  if (!user.banned) return null;
  return (
    <div role="status" className="flex gap-3 rounded-2xl border border-danger/30 bg-danger-soft px-5 py-4 text-sm sm:px-6" data-testid="ban-notice">
      <CircleSlash aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
      <div className="min-w-0">
        <p className="font-semibold text-danger">
          Banned {user.banExpires ? `until ${formatDateTime(user.banExpires)}` : "until an admin lifts it"}
        </p>
        <p className="mt-0.5 text-fg [overflow-wrap:anywhere]" data-testid="ban-reason">
          {user.banReason ?? "No reason recorded."}
        </p>
      </div>
    </div>
  );
}

export function UserFacts({ user }: { user: UserDetail }) {
  const now = new Date();
  return (
    <Card>
      <CardHeader title="Account" />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-5 px-5 py-5 sm:grid-cols-3 sm:px-6" data-testid="user-facts">
        <Fact label="Role">
          <RoleBadge role={user.role} />
        </Fact>
        <Fact label="Status">
          <StatusBadge banned={user.banned} />
        </Fact>
        <Fact label="Joined">
          <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
        </Fact>
        <Fact label="Last active">
          {user.lastActiveAt ? (
            <time dateTime={user.lastActiveAt.toISOString()} title={formatDateTime(user.lastActiveAt)}>
              {formatRelative(user.lastActiveAt, now)}
            </time>
          ) : (
            <span className="font-normal text-fg-muted">{NO_ACTIVITY}</span>
          )}
        </Fact>
        <Fact label="Conversations" testId="fact-conversations">
          {user.sessionCount.toLocaleString("en")}
        </Fact>
        <Fact label="Signed-in sessions" testId="fact-auth-sessions">
          {plural(user.activeAuthSessions, "active session")}
        </Fact>
      </dl>
    </Card>
  );
}
