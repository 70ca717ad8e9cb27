"use server";

import { z } from "zod";
import { updatePreferences } from "@/db/queries/preferences";
import { authedAction } from "@/lib/actions/safe-action";
import { removeGeminiKey, saveGeminiKey } from "@/lib/gemini/credentials";
import { geminiKeyInput } from "@/lib/gemini/key-input";
import { preferencesInput, recordingPreferencesInput } from "@/lib/preferences/schema";

export const savePreferences = authedAction(preferencesInput, (values, { user, db }) =>
  updatePreferences(db, { userId: user.id, values }),
);

export const saveRecordingPreferences = authedAction(recordingPreferencesInput, (values, { user, db }) =>
  updatePreferences(db, { userId: user.id, values }),
);

export const saveGeminiApiKey = authedAction(geminiKeyInput, ({ apiKey }, { user, db }) =>
  saveGeminiKey(db, { userId: user.id, apiKey }),
);

export const deleteGeminiApiKey = authedAction(z.strictObject({}), (_input, { user, db }) =>
  removeGeminiKey(db, { userId: user.id }),
);
