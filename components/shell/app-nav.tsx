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
    <nav
      aria-label="Main"
      // A phone's top bar shares its width evenly, icon over label in small type, so seven tabs (an
      // admin's) fit 390 px whole.
      className={vertical ? "flex flex-col gap-1" : "grid auto-cols-fr grid-flow-col gap-0.5 sm:gap-1"}
    >
      {items.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        const classes = cn(
          "flex items-center rounded-lg font-medium transition-colors",
          vertical ? "h-10 gap-2.5 px-3 text-sm" : "h-13 min-w-0 flex-col justify-center gap-1 px-0 text-[10.5px] tracking-tight sm:h-10 sm:flex-row sm:gap-2 sm:px-1 sm:text-sm sm:tracking-normal",
          active ? "bg-accent-soft text-accent" : "text-fg-muted",
          !active && "hover:bg-surface-muted hover:text-fg",
        );
        return (
          <Link key={href} href={href} className={classes} aria-current={active ? "page" : undefined} data-testid={`nav-${label.toLowerCase()}`}>
            <Icon aria-hidden className="size-4 shrink-0" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
