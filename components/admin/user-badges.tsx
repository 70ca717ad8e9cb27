import { Badge } from "@/components/ui/badge";
import type { UserRole } from "@/lib/admin/types";

export function RoleBadge({ role }: { role: UserRole }) {
  return <Badge tone={role === "admin" ? "accent" : "neutral"}>{role === "admin" ? "Admin" : "Member"}</Badge>;
}

export function StatusBadge({ banned }: { banned: boolean }) {
  return (
    <Badge tone={banned ? "danger" : "success"} data-testid="user-status">
      {banned ? "Banned" : "Active"}
    </Badge>
  );
}
