"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKeysAsAdmin } from "@/db/queries/api-keys-admin";
import { adminAction } from "@/lib/actions/safe-action";
import { banAccount, revokeAccountSessions, unbanAccount } from "@/lib/admin/moderation";
import { banUserInput, targetUserInput, type ModerationResult } from "@/lib/admin/schema";

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

export const revokeUserApiKeys = adminAction(targetUserInput, async ({ userId }, { user, db }) => {
  const result = await revokeApiKeysAsAdmin(db, { actorId: user.id, userId });
  revalidatePath(`/admin/users/${userId}`);
  return result;
});
