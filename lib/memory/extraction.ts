import "server-only";
import type { Database } from "@/db";
import type { JobRow } from "@/db/queries/jobs";
import { getOwnedLiveSession } from "@/db/queries/live-sessions";
import { recallCandidates } from "@/db/queries/memory-recall";
import { applyExtraction, type ExtractionRead, markMemoryProcessed, type PreparedOperation } from "@/db/queries/memory-writes";
import { getPreferences } from "@/db/queries/preferences";
import { listTurns } from "@/db/queries/transcripts";
import { isAppError } from "@/lib/errors/app-error";
import { resolveGeminiKey } from "@/lib/gemini/credentials";
import { embedTexts, generateStructured } from "@/lib/gemini/text-model";
import { PermanentJobError } from "@/lib/jobs/runner";
import { emitMemoriesCreated } from "@/lib/webhooks/session-events";
import { extractionResult } from "./extraction-schema";
import { buildExtractionPrompt, EXTRACTION_SYSTEM_INSTRUCTION, type PromptLine } from "./prompt";

/*
 * The "memory.extract" job: after a conversation ends, ask the text model for a title, a
 * summary and memory operations, embed the new sentences, and store it all at once. Runs off
 * the request path; a failure leaves the job to be retried, never half-stored. Lines uploaded
 * after a run (an offline batch) queue another run over just those (db/queries/memory-writes.ts).
 */

export interface ExtractionOptions {
  baseUrl?: string | null;
  serverKey?: string | null;
  now?: () => Date;
}

export async function extractConversationMemories(
  db: Database,
  { userId, sessionId }: { userId: string; sessionId: string },
  options: ExtractionOptions = {},
): Promise<"extracted" | "skipped" | "already"> {
  const now = options.now ?? (() => new Date());
  let session;
  try {
    session = await getOwnedLiveSession(db, { userId, sessionId });
  } catch (error) {
    if (isAppError(error) && error.type === "not_found") throw new PermanentJobError("session is gone");
    throw error;
  }
  if (session.status === "CONNECTING" || session.status === "ACTIVE") throw new Error("session still open");
  // A conversation extracted before is read again only past its last extracted line: lines
  // uploaded later (an offline batch) are what this run is for.
  const processed = session.memoryProcessedAt !== null;
  const after = processed ? session.memoryExtractedThrough : null;
  const turns = (await listTurns(db, { userId, sessionId })).filter((turn) => !processed || after === null || turn.sequenceNumber > after);
  if (processed && turns.length === 0) return "already";
  // listTurns is in sequence order: the last one is the furthest line read.
  const read: ExtractionRead = { processed, after, through: turns.at(-1)?.sequenceNumber ?? after };
  const preferences = await getPreferences(db, { userId });
  const lines: PromptLine[] = turns
    .filter((turn) => turn.text.trim())
    .map((turn) => ({ seq: turn.sequenceNumber, speaker: turn.sender === "user" ? "user" : "assistant", text: turn.text }));
  if (!preferences.memoryEnabled || session.memoryOptOut || !lines.some((line) => line.speaker === "user")) {
    await markMemoryProcessed(db, { userId, sessionId, read, now: now() });
    return "skipped";
  }

  const key = await resolveGeminiKey(db, { userId }, { serverKey: options.serverKey });
  const call = { apiKey: key.apiKey, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) };
  const known = await recallCandidates(db, { userId, query: null, limit: 60 });
  const result = await generateStructured(call, {
    systemInstruction: EXTRACTION_SYSTEM_INSTRUCTION,
    prompt: buildExtractionPrompt({
      today: now().toISOString().slice(0, 10),
      transcript: lines,
      summarySoFar: processed ? session.summary : null,
      memories: known.map((memory) => ({ id: memory.id, kind: memory.kind, content: memory.content })),
    }),
    schema: extractionResult,
  });

  const sequences = new Set(lines.map((line) => line.seq));
  const writes = result.operations.filter((operation) => operation.op === "add" || operation.op === "update");
  const vectors = await embedTexts(call, { texts: writes.map((operation) => operation.content), taskType: "RETRIEVAL_DOCUMENT" });
  const embeddingOf = new Map(writes.map((operation, i) => [operation, vectors[i] ?? null]));
  const operations: PreparedOperation[] = result.operations.map((operation) => ({
    ...operation,
    // Rounded: a float4 column cannot hold a value such as 1e-320.
    importance: Math.round(operation.importance * 1000) / 1000,
    // A line number the model made up does not become a broken replay link.
    sourceSequence: operation.sourceLines.find((seq) => sequences.has(seq)) ?? null,
    embedding: embeddingOf.get(operation) ?? null,
  }));
  const applied = await applyExtraction(db, { userId, sessionId, operations, summary: result.summary, title: result.title, read, now: now() });
  if (applied?.created.length) await emitMemoriesCreated(db, { userId, memories: applied.created.map((memory) => ({ ...memory, sessionId })) });
  return "extracted";
}

/** The job table's handler. */
export async function runMemoryExtractionJob(db: Database, job: JobRow): Promise<void> {
  const sessionId = job.payload.sessionId;
  if (!job.userId || !sessionId) throw new PermanentJobError("payload without a user or session");
  await extractConversationMemories(db, { userId: job.userId, sessionId });
}
