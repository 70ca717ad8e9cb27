"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { authedAction } from "@/lib/actions/safe-action";
import { createApiKeyInput } from "@/lib/api-keys/key";

export const createApiKeyAction = authedAction(createApiKeyInput, async (input, { user, db }) => {
  const { key, apiKey } = await createApiKey(db, { userId: user.id, input });
  revalidatePath("/settings/api-keys");
  // The one time the key leaves the server: the page shows it once and forgets it.
  return { key, id: apiKey.id, prefix: apiKey.prefix };
});

export const revokeApiKeyAction = authedAction(z.strictObject({ keyId: z.uuid() }), async ({ keyId }, { user, db }) => {
  await revokeApiKey(db, { userId: user.id, keyId });
  revalidatePath("/settings/api-keys");
  return { keyId };
});
