import type { Database } from "@/db/index";
import { liveSessions, transcriptions } from "@/db/schema";

/* Stored conversations for the history suites, written straight into the tables. */

export interface StoredConversation {
  id: string;
  startedAt: Date;
}

export async function storeConversation(
  db: Database,
  {
    userId,
    startedAt,
    lines = [],
    status = "ENDED",
    title = null,
    voice = "Puck",
  }: { userId: string; startedAt: Date; lines?: string[]; status?: "ENDED" | "ERROR"; title?: string | null; voice?: string },
): Promise<StoredConversation> {
  const [row] = await db
    .insert(liveSessions)
    .values({
      userId,
      status,
      model: "gemini-live-test",
      voice,
      title,
      startedAt,
      endedAt: new Date(startedAt.getTime() + 60_000),
      lastActivityAt: startedAt,
      totalDurationSeconds: 60,
      lastErrorMessage: status === "ERROR" ? "The connection dropped." : null,
    })
    .returning({ id: liveSessions.id, startedAt: liveSessions.startedAt });
  if (!row) throw new Error("no session row");
  if (lines.length > 0) {
    await db.insert(transcriptions).values(
      lines.map((text, sequenceNumber) => ({
        sessionId: row.id,
        userId,
        sender: sequenceNumber % 2 === 0 ? ("user" as const) : ("model" as const),
        transcriptionType: sequenceNumber % 2 === 0 ? ("input" as const) : ("output" as const),
        text,
        sequenceNumber,
        timestamp: new Date(startedAt.getTime() + sequenceNumber * 2000),
        startOffsetMs: sequenceNumber * 2000,
        endOffsetMs: sequenceNumber * 2000 + 1500,
        latencyMs: sequenceNumber % 2 === 0 ? null : 350,
      })),
    );
  }
  return row;
}
