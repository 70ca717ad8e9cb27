import { Badge } from "@/components/ui/badge";
import type { UserRole } from "@/db/queries/users";

export function RoleBadge({ role }: { role: UserRole }) {
  return <Badge tone={role === "admin" ? "accent" : "neutral"}>{role === "admin" ? "Admin" : "Member"}</Badge>;
}

export function StatusBadge({ banned, className }: { banned: boolean; className?: string }) {
  return (
    <Badge tone={banned ? "danger" : "success"} className={className} data-testid="user-status">
      {banned ? "Banned" : "Active"}
    </Badge>
  );
}
