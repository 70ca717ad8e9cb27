"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav-items";

export function AppNav({ isAdmin, orientation }: { isAdmin: boolean; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  const vertical = orientation === "vertical";
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || isAdmin);
  return (
    <nav aria-label="Main" className={vertical ? "flex flex-col gap-1" : "flex gap-1 overflow-x-auto"}>
      {items.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        const classes = cn(
          "flex shrink-0 items-center gap-2.5 rounded-lg px-3 text-sm font-medium transition-colors",
          vertical ? "h-10" : "h-9",
          active ? "bg-accent-soft text-accent" : "text-fg-muted",
          !active && "hover:bg-surface-muted hover:text-fg",
        );
        return (
          <Link key={href} href={href} className={classes} aria-current={active ? "page" : undefined} data-testid={`nav-${label.toLowerCase()}`}>
            <Icon aria-hidden className="size-4" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
