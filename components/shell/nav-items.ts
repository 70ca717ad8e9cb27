import { AudioLines, BarChart3, Brain, History, Settings, ShieldCheck, UsersRound, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  adminOnly?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/live", label: "Live", icon: AudioLines },
  { href: "/personas", label: "Personas", icon: UsersRound },
  { href: "/sessions", label: "Sessions", icon: History },
  { href: "/memory", label: "Memory", icon: Brain },
  { href: "/insights", label: "Insights", icon: BarChart3 },
  { href: "/settings", label: "Settings", icon: Settings },
  { href: "/admin", label: "Admin", icon: ShieldCheck, adminOnly: true },
];
