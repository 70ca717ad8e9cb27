import "server-only";
import type { Database } from "@/db";
import type { JobRow } from "@/db/queries/jobs";
import { listUnembedded, setEmbeddings } from "@/db/queries/memory-writes";
import { resolveGeminiKey } from "@/lib/gemini/credentials";
import { embedTexts } from "@/lib/gemini/text-model";
import { PermanentJobError } from "@/lib/jobs/runner";

/** The "memory.embed" job: embeds the user's memories that have no vector (edited or saved mid-talk). */
export async function embedPendingMemories(db: Database, { userId }: { userId: string }, options: { baseUrl?: string | null; serverKey?: string | null } = {}): Promise<number> {
  const pending = await listUnembedded(db, { userId });
  if (pending.length === 0) return 0;
  const key = await resolveGeminiKey(db, { userId }, { serverKey: options.serverKey });
  const vectors = await embedTexts(
    { apiKey: key.apiKey, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) },
    { texts: pending.map((memory) => memory.content), taskType: "RETRIEVAL_DOCUMENT" },
  );
  await setEmbeddings(db, { userId, vectors: pending.map((memory, i) => ({ ...memory, embedding: vectors[i] ?? [] })) });
  return pending.length;
}

export async function runMemoryEmbedJob(db: Database, job: JobRow): Promise<void> {
  if (!job.userId) throw new PermanentJobError("payload without a user");
  await embedPendingMemories(db, { userId: job.userId });
}
