import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/session";

export function AccountCard({ user }: { user: SessionUser }) {
  return (
    <Card>
      <CardHeader title="Account" />
      <dl className="grid gap-4 px-5 py-5 text-sm sm:grid-cols-[1fr_2fr_auto] sm:gap-8 sm:px-6">
        <div>
          <dt className="text-fg-muted">Name</dt>
          <dd className="mt-0.5 min-w-0 font-medium [overflow-wrap:anywhere]">{user.name}</dd>
        </div>
        <div>
          <dt className="text-fg-muted">Email</dt>
          <dd className="mt-0.5 font-medium [overflow-wrap:anywhere]">{user.email}</dd>
        </div>
        <div>
          <dt className="text-fg-muted">Role</dt>
          <dd className="mt-1">
            <Badge tone={user.role === "admin" ? "accent" : "neutral"} data-testid="account-role">
              {user.role === "admin" ? "Admin" : "Member"}
            </Badge>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
