import type { z } from "zod";
import type { LiveSessionDetail } from "@/db/queries/live-sessions";
import type { sessionDetail } from "./schemas";

/** The stored conversation as the API shows it: dates as ISO strings, no internal columns. */
export function toApiSessionDetail({ session, turns }: LiveSessionDetail): z.input<typeof sessionDetail> {
  return {
    session: {
      id: session.id,
      title: session.title,
      status: session.status,
      model: session.model,
      voice: session.voice,
      personaId: session.personaId,
      cameraEnabled: session.cameraEnabled,
      micEnabled: session.micEnabled,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      durationSeconds: session.totalDurationSeconds,
    },
    turns: turns.map((t) => ({
      sequenceNumber: t.sequenceNumber,
      sender: t.sender,
      text: t.text,
      timestamp: t.timestamp.toISOString(),
      startOffsetMs: t.startOffsetMs,
      endOffsetMs: t.endOffsetMs,
      latencyMs: t.latencyMs,
      heardMs: t.heardMs,
      interrupted: t.interrupted,
    })),
  };
}
