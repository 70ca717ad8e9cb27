/* What the admin pages show of accounts and of the audit log: shared by db/queries and the admin UI. */

export type UserRole = "user" | "admin";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  banned: boolean;
  createdAt: Date;
  sessionCount: number;
  /** The latest of a conversation's last activity and a sign-in or session refresh; null if neither. */
  lastActiveAt: Date | null;
}

export interface UserDetail extends UserSummary {
  banReason: string | null;
  /** Null for a ban that lasts until an admin lifts it. */
  banExpires: Date | null;
  /** Signed-in browsers whose session has not expired yet. */
  activeAuthSessions: number;
}

export type UserStatusFilter = "all" | "admins" | "banned";

export interface AdminAuditEntry {
  id: string;
  actorId: string | null;
  actorEmail: string;
  targetUserId: string | null;
  /** One of AdminActionKind for what this code writes; kept as text so older or newer kinds still list. */
  action: string;
  details: Record<string, unknown>;
  createdAt: Date;
}
