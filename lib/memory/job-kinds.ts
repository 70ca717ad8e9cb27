/** Job kinds of the memory feature (rows of the job table; see lib/jobs/handlers.ts). */
export const MEMORY_EXTRACT_JOB = "memory.extract";
export const MEMORY_EMBED_JOB = "memory.embed";
export const MEMORY_CONSOLIDATE_JOB = "memory.consolidate";

/** One pending embedding run per user: it embeds every memory of theirs still without a vector. */
export const memoryEmbedKey = (userId: string) => `${MEMORY_EMBED_JOB}:${userId}`;

/** The conversation's extraction; with `after`, the run over its lines uploaded after line `after` was read. */
export const memoryExtractKey = (sessionId: string, after?: number | null) =>
  after === undefined ? `${MEMORY_EXTRACT_JOB}:${sessionId}` : `${MEMORY_EXTRACT_JOB}:${sessionId}:after:${after ?? "none"}`;
