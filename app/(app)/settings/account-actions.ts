"use server";

import { cookies } from "next/headers";
import { deleteOwnAccount } from "@/lib/account/erasure";
import { listDevices, signOutDevice, signOutOtherDevices } from "@/lib/account/devices";
import { deleteAccountInput, deviceInput, revokeOthersInput } from "@/lib/account/schema";
import { authedAction } from "@/lib/actions/safe-action";
import { getCurrentSessionId } from "@/lib/auth/session";

export const refreshDevices = authedAction(revokeOthersInput, async (_input, { user, db }) =>
  listDevices(db, { userId: user.id, currentSessionId: await getCurrentSessionId() }),
);

export const revokeDevice = authedAction(deviceInput, async ({ sessionId }, { user, db }) =>
  signOutDevice(db, { userId: user.id, currentSessionId: await getCurrentSessionId(), sessionId }),
);

export const revokeOtherDevices = authedAction(revokeOthersInput, async (_input, { user, db }) =>
  signOutOtherDevices(db, { userId: user.id, currentSessionId: await getCurrentSessionId() }),
);

export const deleteAccount = authedAction(deleteAccountInput, async ({ password }, { user, db }) => {
  const result = await deleteOwnAccount(db, user, { password });
  // The session row went with the account; the browser's now useless cookies go too.
  const jar = await cookies();
  for (const { name } of jar.getAll()) if (name.includes("better-auth")) jar.delete(name);
  return { conversations: result.conversations };
});
