/** Job kinds of the memory feature (rows of the job table; see lib/jobs/handlers.ts). */
export const MEMORY_EXTRACT_JOB = "memory.extract";
export const MEMORY_EMBED_JOB = "memory.embed";
export const MEMORY_CONSOLIDATE_JOB = "memory.consolidate";

export const memoryExtractKey = (sessionId: string) => `${MEMORY_EXTRACT_JOB}:${sessionId}`;
