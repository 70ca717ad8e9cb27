import { z } from "zod";
import { storableText } from "@/lib/validation/columns";

/* What the Memory page may send. Strict: an unknown key (a user id, say) is refused. */

export const MEMORY_CONTENT_MAX = 500;

export const memoryIdInput = z.strictObject({ memoryId: z.uuid() });

export const updateMemoryInput = z
  .strictObject({
    memoryId: z.uuid(),
    content: storableText().trim().min(1, "A memory needs some words.").max(MEMORY_CONTENT_MAX, `At most ${MEMORY_CONTENT_MAX} characters.`).optional(),
    // Rounded: a float4 column cannot hold a tiny value such as 1e-320 (it would underflow).
    importance: z.number().min(0).max(1).transform((value) => Math.round(value * 1000) / 1000).optional(),
    pinned: z.boolean().optional(),
  })
  .refine((value) => value.content !== undefined || value.importance !== undefined || value.pinned !== undefined, "Nothing to change.");

/** "Forget everything" must say so: a stray call cannot wipe a memory. */
export const forgetEverythingInput = z.strictObject({ confirm: z.literal("forget everything") });

/** The page's query string: bounded search text and entity name. */
export const memoryPageQuery = z.object({
  q: storableText().trim().max(200).optional().catch(undefined),
  entity: storableText().trim().max(80).optional().catch(undefined),
});

export type UpdateMemoryInput = z.infer<typeof updateMemoryInput>;
