"use server";

import { enqueueJob } from "@/db/queries/jobs";
import { deleteMemory, forgetEverything, updateMemory } from "@/db/queries/memories";
import { updatePreferences } from "@/db/queries/preferences";
import { authedAction } from "@/lib/actions/safe-action";
import { runJobsAfterResponse } from "@/lib/jobs/schedule";
import { forgetEverythingInput, memoryIdInput, updateMemoryInput } from "@/lib/memory/actions-input";
import { MEMORY_EMBED_JOB } from "@/lib/memory/job-kinds";
import { memoryPreferenceInput } from "@/lib/preferences/schema";

export const editMemory = authedAction(updateMemoryInput, async ({ memoryId, content, importance, pinned }, { user, db }) => {
  const result = await updateMemory(db, { userId: user.id, memoryId, content, importance, pinned });
  if (result.contentChanged) {
    // New words need a new embedding: a job, off the request path.
    await enqueueJob(db, { kind: MEMORY_EMBED_JOB, userId: user.id, payload: {}, dedupeKey: `${MEMORY_EMBED_JOB}:${user.id}`, requeue: true });
    runJobsAfterResponse({ userId: user.id });
  }
  return { id: result.id };
});

export const removeMemory = authedAction(memoryIdInput, async ({ memoryId }, { user, db }) => {
  await deleteMemory(db, { userId: user.id, memoryId });
  return { id: memoryId };
});

export const forgetAllMemories = authedAction(forgetEverythingInput, (_input, { user, db }) => forgetEverything(db, { userId: user.id }));

export const saveMemoryPreference = authedAction(memoryPreferenceInput, async (values, { user, db }) => {
  const { memoryEnabled } = await updatePreferences(db, { userId: user.id, values });
  return { memoryEnabled };
});
