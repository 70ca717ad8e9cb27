import { z } from "zod";
import { storableText } from "@/lib/validation/columns";
import { TITLE_MAX_LENGTH } from "./title";

export const MAX_BULK_DELETE = 100;

export const renameSessionInput = z.strictObject({
  sessionId: z.uuid(),
  /** Empty: back to the default title. */
  title: storableText().trim().max(TITLE_MAX_LENGTH, `A title has at most ${TITLE_MAX_LENGTH} characters.`),
});
export type RenameSessionInput = z.infer<typeof renameSessionInput>;

export const deleteSessionsInput = z.strictObject({
  sessionIds: z.array(z.uuid()).min(1, "Choose at least one conversation.").max(MAX_BULK_DELETE, `Delete at most ${MAX_BULK_DELETE} at a time.`),
  /** Also forget what the companion learned from them (the default). */
  forgetMemories: z.boolean().optional(),
});
export type DeleteSessionsInput = z.infer<typeof deleteSessionsInput>;
