import { Search } from "lucide-react";
import type { UserStatusFilter } from "@/lib/admin/types";

/** A plain GET form: the search survives reloads and works without JavaScript. */
export function UserSearch({ initial, status = "all" }: { initial: string; status?: UserStatusFilter }) {
  return (
    <form role="search" action="/admin/users" className="relative w-full sm:w-64">
      <label htmlFor="admin-user-search" className="sr-only">
        Search users
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" />
      <input
        id="admin-user-search"
        name="q"
        type="search"
        defaultValue={initial}
        placeholder="Search name or email"
        className="h-9 w-full rounded-lg border border-border bg-surface pr-3 pl-9 text-sm focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40"
      />
      {status !== "all" ? <input type="hidden" name="status" value={status} /> : null}
    </form>
  );
}
