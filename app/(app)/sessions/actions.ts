"use server";

import { renameSession as rename } from "@/db/queries/history-manage";
import { authedAction } from "@/lib/actions/safe-action";
import { deleteSessionsInput, renameSessionInput } from "@/lib/history/actions-input";
import { deleteConversations } from "@/lib/history/delete";

export const renameSession = authedAction(renameSessionInput, ({ sessionId, title }, { user, db }) =>
  rename(db, { userId: user.id, sessionId, title }),
);

/** One conversation or several (bulk delete): all of them the caller's, or none is deleted. */
export const deleteSessions = authedAction(deleteSessionsInput, ({ sessionIds, forgetMemories }, { user, db }) =>
  deleteConversations(db, { userId: user.id, sessionIds, forgetMemories }),
);
