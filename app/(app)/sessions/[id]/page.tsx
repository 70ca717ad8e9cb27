import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { listToolCalls } from "@/db/queries/memory-tool-calls";
import { getPersona } from "@/db/queries/personas";
import { getReplaySession } from "@/db/queries/replay";
import { ReplayHeader } from "@/components/replay/replay-header";
import { ReplayView } from "@/components/replay/replay-view";
import { initialTurnIndex } from "@/components/replay/playback";
import { initialOffset } from "@/components/replay/timeline";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { displayTitle } from "@/lib/history/title";
import { mean } from "@/lib/analytics/session-metrics";
import { audioReplayPath, frameReplayPath } from "@/lib/media/limits";
import { getMediaStorage } from "@/lib/media/storage";
import { SEARCH_KNOWLEDGE } from "@/lib/knowledge/tool";

export const metadata: Metadata = { title: "Replay" };

const sessionId = z.uuid();

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Another user's conversation, or one that does not exist, is the same 404. */
async function loadReplay(userId: string, id: string) {
  const db = await getDb();
  const storage = getMediaStorage(db);
  const owner = { userId, sessionId: id };
  try {
    return await Promise.all([getReplaySession(db, owner), storage.getAudio(owner), storage.listFrames(owner), listToolCalls(db, owner)]);
  } catch (error) {
    if (isAppError(error) && error.type === "not_found") notFound();
    throw error;
  }
}

export default async function ReplayPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/sessions/${encodeURIComponent(id)}`);
  if (!sessionId.safeParse(id).success) notFound();
  const [replay, audio, frameRows, toolCalls] = await loadReplay(user.id, id);
  const { session, analytics } = replay;
  // The persona as it is now, for its face beside the name; a deleted one is simply not found.
  const persona = session.personaId ? await getPersona(await getDb(), { userId: user.id, personaId: session.personaId }).catch((error: unknown) => {
        if (isAppError(error) && error.code === "not_found:persona") return null;
        throw error;
      })
    : null;
  const avatar = persona ? { personaId: persona.id, initials: persona.initials, color: persona.color, pictureVersion: persona.pictureVersion } : null;

  const turns = replay.turns.map(({ id: turnId, sequenceNumber, sender, text, startOffsetMs, endOffsetMs, latencyMs, interrupted, heardMs }) => ({
    id: turnId,
    sequenceNumber,
    sender,
    text,
    startOffsetMs,
    endOffsetMs,
    latencyMs,
    interrupted,
    heardMs,
  }));
  const recording = audio ? { src: audioReplayPath(id), mimeType: audio.mimeType, startOffsetMs: audio.startOffsetMs, durationMs: audio.durationMs, gaps: audio.gaps } : null;
  const frames = frameRows.map((frame) => ({ id: frame.id, offsetMs: frame.offsetMs, src: frameReplayPath(id, frame.id), width: frame.width, height: frame.height }));
  const open = { turn: first(query.turn), t: first(query.t) };
  const latencies = turns.flatMap((turn) => (turn.sender === "model" && turn.latencyMs !== null ? [turn.latencyMs] : []));
  const durationSeconds =
    session.totalDurationSeconds ?? (session.endedAt ? Math.max(0, (session.endedAt.getTime() - session.startedAt.getTime()) / 1000) : null);

  return (
    <>
      <ReplayHeader
        summary={{
          title: displayTitle({ title: session.title, firstLine: turns.find((turn) => turn.sender === "user")?.text ?? null }),
          startedAt: session.startedAt.toISOString(),
          durationSeconds,
          status: session.status,
          errorMessage: session.lastErrorMessage,
          model: session.model,
          voice: session.voice,
          personaName: replay.personaName,
          personaAvatar: avatar,
          turnCount: turns.length,
          meanResponseMs: analytics?.responseTimeMeanMs ?? mean(latencies),
          recorded: { audio: recording !== null, frames: frames.length },
          aiSummary: session.summary,
          memoryOptOut: session.memoryOptOut,
          toolUses: toolCalls.filter((call) => call.name !== SEARCH_KNOWLEDGE).map((call) => call.summary),
          knowledgeSources: toolCalls.filter((call) => call.name === SEARCH_KNOWLEDGE).map((call) => ({ summary: call.summary, sources: call.sources })),
        }}
      />
      <ReplayView turns={turns} recording={recording} frames={frames} initial={{ turnIndex: initialTurnIndex(turns, open), offsetMs: initialOffset(turns, open) }} />
    </>
  );
}
