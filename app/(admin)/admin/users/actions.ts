"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/safe-action";
import { deleteAccountAsAdmin } from "@/lib/account/erasure";
import { banAccount, revokeAccountSessions, unbanAccount } from "@/lib/admin/moderation";
import { banUserInput, deleteUserInput, targetUserInput, type ModerationResult } from "@/lib/admin/schema";

function refreshed(result: ModerationResult): ModerationResult {
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${result.userId}`);
  return result;
}

export const banUser = adminAction(banUserInput, async (input, { user, db }) => refreshed(await banAccount(db, user, input)));

export const unbanUser = adminAction(targetUserInput, async (input, { user, db }) => refreshed(await unbanAccount(db, user, input)));

export const revokeUserSessions = adminAction(targetUserInput, async (input, { user, db }) =>
  refreshed(await revokeAccountSessions(db, user, input)),
);

/** Erases the account and everything of it, audited in the same transaction (db/queries/account-erasure.ts). */
export const deleteUser = adminAction(deleteUserInput, async (input, { user, db }) => {
  const result = await deleteAccountAsAdmin(db, user, input);
  revalidatePath("/admin/users");
  revalidatePath("/admin");
  return result;
});
