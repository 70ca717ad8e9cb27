"use server";

import { endLiveSession as endSession, markLiveSessionActive as markActive } from "@/db/queries/live-sessions";
import { updatePreferences } from "@/db/queries/preferences";
import { authedAction } from "@/lib/actions/safe-action";
import { renewLiveToken as renewToken, startLiveSession as startSession } from "@/lib/gemini/live-service";
import { runAfterResponse, runJobsAfterResponse } from "@/lib/jobs/schedule";
import { endLiveSessionInput, sessionIdInput, startLiveSessionInput } from "@/lib/live/contract";
import { recordRecall } from "@/lib/memory/recall";
import { voicePreferenceInput } from "@/lib/preferences/schema";
import { emitSessionEnded, emitSessionStarted } from "@/lib/webhooks/session-events";

export const startLiveSession = authedAction(startLiveSessionInput, async (input, { user, db }) => {
  const result = await startSession(db, { userId: user.id, input }, {
    onRecalled: (memory) => runAfterResponse("memory:recall-count", () => recordRecall(db, { userId: user.id, memoryIds: memory.memoryIds })),
  });
  // Queued before the job run below, which then delivers it (emitting never throws).
  await emitSessionStarted(db, { userId: user.id, sessionId: result.sessionId, startedAt: result.startedAt });
  // The user's activity picks up their background work left over (memory of earlier talks).
  runJobsAfterResponse({ userId: user.id });
  return result;
});

export const renewLiveToken = authedAction(sessionIdInput, ({ sessionId }, { user, db }) =>
  renewToken(db, { userId: user.id, sessionId }),
);

export const markLiveSessionActive = authedAction(sessionIdInput, ({ sessionId }, { user, db }) =>
  markActive(db, { userId: user.id, sessionId }),
);

export const endLiveSession = authedAction(endLiveSessionInput, async ({ sessionId, status, errorMessage, stats, abandoned }, { user, db }) => {
  const result = await endSession(db, { userId: user.id, sessionId, status, errorMessage: errorMessage ?? null, stats, abandoned });
  // Keyed by the session: a second Stop (a retry) queues nothing more.
  await emitSessionEnded(db, { userId: user.id, sessionId });
  // Ending enqueued the memory job in its transaction; run it once Stop has answered.
  runJobsAfterResponse({ userId: user.id });
  return result;
});

export const rememberLiveVoice = authedAction(voicePreferenceInput, async (values, { user, db }) => {
  const { defaultVoice } = await updatePreferences(db, { userId: user.id, values });
  return { defaultVoice };
});
