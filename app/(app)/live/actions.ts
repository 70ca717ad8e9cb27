"use server";

import { endLiveSession as endSession, markLiveSessionActive as markActive } from "@/db/queries/live-sessions";
import { updatePreferences } from "@/db/queries/preferences";
import { authedAction } from "@/lib/actions/safe-action";
import { renewLiveToken as renewToken, startLiveSession as startSession } from "@/lib/gemini/live-service";
import { endLiveSessionInput, sessionIdInput, startLiveSessionInput } from "@/lib/live/contract";
import { voicePreferenceInput } from "@/lib/preferences/schema";

export const startLiveSession = authedAction(startLiveSessionInput, (input, { user, db }) =>
  startSession(db, { userId: user.id, input }),
);

export const renewLiveToken = authedAction(sessionIdInput, ({ sessionId }, { user, db }) =>
  renewToken(db, { userId: user.id, sessionId }),
);

export const markLiveSessionActive = authedAction(sessionIdInput, ({ sessionId }, { user, db }) =>
  markActive(db, { userId: user.id, sessionId }),
);

export const endLiveSession = authedAction(endLiveSessionInput, ({ sessionId, status, errorMessage, stats, abandoned }, { user, db }) =>
  endSession(db, { userId: user.id, sessionId, status, errorMessage: errorMessage ?? null, stats, abandoned }),
);

export const rememberLiveVoice = authedAction(voicePreferenceInput, async (values, { user, db }) => {
  const { defaultVoice } = await updatePreferences(db, { userId: user.id, values });
  return { defaultVoice };
});
