import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "../index";
import { user } from "../schema";

/** The user's current address and whether it is confirmed, read fresh (a change lands by email link). */
export async function getEmailStatus(db: Database, { userId }: { userId: string }): Promise<{ email: string; emailVerified: boolean } | null> {
  const [row] = await db.select({ email: user.email, emailVerified: user.emailVerified }).from(user).where(eq(user.id, userId)).limit(1);
  return row ?? null;
}
