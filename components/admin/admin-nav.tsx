"use client";

import { Activity, Bell, LayoutDashboard, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const SECTIONS = [
  { href: "/admin", label: "Overview", icon: LayoutDashboard, exact: true },
  { href: "/admin/users", label: "Users", icon: Users, exact: false },
  { href: "/admin/operators", label: "Operators", icon: Activity, exact: false },
];

/** The admin sections, and the bell: how many alerts are open now (it links to them). */
export function AdminNav({ openAlerts }: { openAlerts: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-6 flex gap-1 overflow-x-auto border-b border-border sm:mb-8">
      {SECTIONS.map(({ href, label, icon: Icon, exact }) => {
        const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            data-testid={`admin-nav-${label.toLowerCase()}`}
            className={cn(
              "-mb-px flex h-10 shrink-0 items-center gap-2 border-b-2 px-2.5 text-sm font-medium transition-colors sm:px-3",
              active ? "border-accent text-fg" : "border-transparent text-fg-muted hover:border-border hover:text-fg",
            )}
          >
            {/* Words only on a phone: with icons the four tabs do not fit 390 px and the bell scrolls away. */}
            <Icon aria-hidden className={cn("hidden size-4 sm:block", active && "text-accent")} />
            {label}
          </Link>
        );
      })}
      <Link
        href="/admin/alerts"
        aria-current={pathname === "/admin/alerts" ? "page" : undefined}
        aria-label={`Alerts: ${openAlerts} open`}
        data-testid="admin-alerts-bell"
        className={cn(
          "-mb-px ml-auto flex h-10 shrink-0 items-center gap-1.5 border-b-2 px-2.5 text-sm sm:px-3 font-medium transition-colors",
          pathname === "/admin/alerts" ? "border-accent text-fg" : "border-transparent text-fg-muted hover:text-fg",
        )}
      >
        <Bell aria-hidden className={cn("size-4", openAlerts > 0 && "text-danger")} />
        <span data-testid="admin-alerts-count" className={cn("rounded-full px-1.5 text-xs", openAlerts > 0 ? "bg-danger text-white" : "bg-surface-muted")}>
          {openAlerts}
        </span>
      </Link>
    </nav>
  );
}
