"use server";

import { updatePreferences } from "@/db/queries/preferences";
import { authedAction } from "@/lib/actions/safe-action";
import { preferencesInput } from "@/lib/preferences/schema";

export const savePreferences = authedAction(preferencesInput, (values, { user, db }) =>
  updatePreferences(db, { userId: user.id, values }),
);
