import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { UserDetail } from "@/lib/admin/types";
import { RoleBadge, StatusBadge } from "./user-badges";

export function UserHeader({ user, actions }: { user: UserDetail; actions: React.ReactNode }) {
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return (
    <div className="mb-6 sm:mb-8">
      <Link href="/admin/users" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-fg-muted hover:text-fg" data-testid="back-to-users">
        <ArrowLeft aria-hidden className="size-4" />
        All users
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-center gap-4">
          <span aria-hidden className="flex size-12 shrink-0 items-center justify-center rounded-full bg-accent-soft text-base font-semibold text-accent">
            {initials || "?"}
          </span>
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
              <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-3xl">{user.name}</h1>
              <RoleBadge role={user.role} />
              {user.banned ? <StatusBadge banned /> : null}
            </div>
            <p className="mt-0.5 text-fg-muted [overflow-wrap:anywhere]">{user.email}</p>
          </div>
        </div>
        {actions}
      </div>
    </div>
  );
}
