"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav-items";

export function AppNav({ isAdmin, orientation }: { isAdmin: boolean; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  const vertical = orientation === "vertical";
  // The narrow bar has no room to advertise what is not built yet.
  const items = NAV_ITEMS.filter((item) => (!item.adminOnly || isAdmin) && (vertical || !item.soon));
  return (
    <nav aria-label="Main" className={vertical ? "flex flex-col gap-1" : "flex gap-1 overflow-x-auto"}>
      {items.map(({ href, label, icon: Icon, soon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        const classes = cn(
          "flex shrink-0 items-center gap-2.5 rounded-lg px-3 text-sm font-medium transition-colors",
          vertical ? "h-10" : "h-9",
          active ? "bg-accent-soft text-accent" : "text-fg-muted",
          !soon && !active && "hover:bg-surface-muted hover:text-fg",
          soon && "cursor-default opacity-60",
        );
        if (soon) {
          return (
            <span key={href} className={classes} aria-disabled="true" title={`${label} is coming soon`}>
              <Icon aria-hidden className="size-4" />
              {label}
              <span className="ml-auto rounded-full bg-surface-muted px-1.5 text-[10px] font-semibold tracking-wide uppercase">Soon</span>
            </span>
          );
        }
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
