import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { UserStatusFilter } from "@/lib/admin/types";

const FILTERS: { value: UserStatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "admins", label: "Admins" },
  { value: "banned", label: "Banned" },
];

function hrefFor(status: UserStatusFilter, q: string) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status !== "all") params.set("status", status);
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

/** Links, not buttons: a filtered list has an address that can be shared or reloaded. */
export function UserFilters({ status, q }: { status: UserStatusFilter; q: string }) {
  return (
    <nav aria-label="Filter users" className="flex gap-1 border-b border-border px-5 py-2.5 sm:px-6">
      {FILTERS.map(({ value, label }) => {
        const active = value === status;
        return (
          <Link
            key={value}
            href={hrefFor(value, q)}
            aria-current={active ? "page" : undefined}
            data-testid={`user-filter-${value}`}
            className={cn(
              "rounded-md px-2.5 py-1 text-sm font-medium transition-colors",
              active ? "bg-accent-soft text-accent" : "text-fg-muted hover:bg-surface-muted hover:text-fg",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
