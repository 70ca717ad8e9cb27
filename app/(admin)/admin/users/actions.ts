"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKeysAsAdmin } from "@/db/queries/api-keys-admin";
import { adminAction } from "@/lib/actions/safe-action";
import { deleteAccountAsAdmin } from "@/lib/account/erasure";
import { banAccount, revokeAccountSessions, unbanAccount } from "@/lib/admin/moderation";
import { runJobsAfterResponse } from "@/lib/jobs/schedule";
import { banUserInput, deleteUserInput, targetUserInput, type ModerationResult } from "@/lib/admin/schema";
import { setQuotaOverride } from "@/db/queries/quotas";
import { setUserQuotaInput } from "@/lib/quotas/limits";

function refreshed(result: ModerationResult): ModerationResult {
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${result.userId}`);
  return result;
}

export const banUser = adminAction(banUserInput, async (input, { user, db }) => {
  const result = refreshed(await banAccount(db, user, input));
  // The ended conversations' session.ended jobs: a suspended or signed-out user brings no activity to run them.
  runJobsAfterResponse({ userId: input.userId });
  return result;
});

export const unbanUser = adminAction(targetUserInput, async (input, { user, db }) => refreshed(await unbanAccount(db, user, input)));

export const revokeUserSessions = adminAction(targetUserInput, async (input, { user, db }) => {
  const result = refreshed(await revokeAccountSessions(db, user, input));
  runJobsAfterResponse({ userId: input.userId });
  return result;
});

/** Sets (or, with nulls, clears) one account's Live quotas; audited in the DAL. */
export const setUserQuota = adminAction(setUserQuotaInput, async ({ userId, concurrentSessionsLimit, monthlyMinutesLimit }, { user, db }) => {
  const values = await setQuotaOverride(db, { actorId: user.id, userId, values: { concurrentSessionsLimit, monthlyMinutesLimit } });
  revalidatePath(`/admin/users/${userId}`);
  return { userId, ...values };
});

export const revokeUserApiKeys = adminAction(targetUserInput, async ({ userId }, { user, db }) => {
  const result = await revokeApiKeysAsAdmin(db, { actorId: user.id, userId });
  revalidatePath(`/admin/users/${userId}`);
  return result;
});

/** Erases the account and everything of it, audited in the same transaction (db/queries/account-erasure.ts). */
export const deleteUser = adminAction(deleteUserInput, async (input, { user, db }) => {
  const result = await deleteAccountAsAdmin(db, user, input);
  revalidatePath("/admin/users");
  revalidatePath("/admin");
  return result;
});
