import { randomUUID } from "node:crypto";
import type { Database } from "@/db/index";
import { user } from "@/db/schema";

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

/** Inserts a row straight into better-auth's `user` table (no password, no session). */
export async function createTestUser(
  db: Database,
  { name, email, role = "user" }: { name?: string; email?: string; role?: "user" | "admin" } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const values = { id, name: name ?? `Test ${id.slice(0, 8)}`, email: email ?? `${id}@test.livemind.local`, role };
  await db.insert(user).values(values);
  return { id, email: values.email, name: values.name };
}
