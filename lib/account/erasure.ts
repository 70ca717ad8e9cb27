import "server-only";
import type { Database } from "@/db";
import { eraseAccount, erasureAttemptsExhausted, getCredentialPasswordHash, recordFailedErasureAttempt, type ErasureResult } from "@/db/queries/account-erasure";
import { getUserForAdmin } from "@/db/queries/users";
import { getAuth } from "@/lib/auth/server";
import { getMediaStorage } from "@/lib/media/storage";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";

/*
 * Deleting an account, by its owner or by an admin. The owner proves it is them with their
 * password every time (a stolen session alone cannot erase an account); the check uses
 * better-auth's own hashing, then everything goes in one transaction (db/queries/account-erasure.ts);
 * recorded media and pictures kept in an object store go right after it.
 */

export type AccountErased = Omit<ErasureResult, "objectKeys">;

async function erase(db: Database, args: Parameters<typeof eraseAccount>[1]): Promise<AccountErased> {
  const { objectKeys, ...erased } = await eraseAccount(db, args);
  await getMediaStorage(db).discardObjects(objectKeys);
  return erased;
}

export async function deleteOwnAccount(db: Database, user: SessionUser, { password }: { password: string }): Promise<AccountErased> {
  if (await erasureAttemptsExhausted(db, { userId: user.id })) {
    throw new AppError("rate_limit:account", "Too many wrong passwords. Wait 15 minutes, or reset your password from the sign-in page.");
  }
  const hash = await getCredentialPasswordHash(db, { userId: user.id });
  const verify = async (stored: string) => (await (await getAuth()).$context).password.verify({ hash: stored, password });
  if (!hash || !(await verify(hash))) {
    await recordFailedErasureAttempt(db, { userId: user.id });
    throw new AppError("bad_request:account", "That password is not right.", { fieldErrors: { password: ["That password is not right."] } });
  }
  return erase(db, { userId: user.id });
}

export async function deleteAccountAsAdmin(db: Database, actor: SessionUser, { userId, confirmEmail }: { userId: string; confirmEmail: string }): Promise<AccountErased> {
  const target = await getUserForAdmin(db, { actorId: actor.id, userId });
  if (target.id === actor.id) throw new AppError("forbidden:admin", "Delete your own account from Settings, with your password.");
  if (confirmEmail.toLowerCase() !== target.email.toLowerCase()) {
    const message = "That is not this account's email address.";
    throw new AppError("bad_request:admin", message, { fieldErrors: { confirmEmail: [message] } });
  }
  return erase(db, { userId, erasedBy: { actorId: actor.id } });
}
