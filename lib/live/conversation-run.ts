import { AudioPlayer } from "./audio-player";
import type { ConversationStore } from "./conversation-store";
import type { LiveActions, LiveConnection, LiveStartOptions } from "./contract";
import { LiveClient, type LiveApi } from "./live-client";
import { MicCapture, type MicChunk, type MicDeps } from "./mic-capture";
import type { PersistenceQueue, QueueDeps } from "./persistence-queue";
import { ConversationRecorder, type RecorderDeps } from "./recorder";
import type { StoredConversation } from "./resume-store";
import { answerToolCalls, describeToolResponses, knowledgeSourcesOfResponses } from "./tool-relay";
import { TranscriptAssembler } from "./transcript-assembler";

/** The browser APIs a conversation uses; the defaults are the real ones (tests pass doubles). */
export interface ConversationDeps {
  createAudioContext?: () => AudioContext;
  createApi?: (connection: LiveConnection) => LiveApi;
  queue?: Omit<QueueDeps, "onChange">;
  mic?: MicDeps;
  recorder?: RecorderDeps;
}

/** Everything one conversation holds; replaced as a whole on each Start. */
export interface Run {
  sessionId: string;
  context: AudioContext;
  client: LiveClient;
  player: AudioPlayer;
  /** Taps the model's audio on its way to the speakers: the Live page's voice visual reads it. */
  analyser: AnalyserNode | null;
  assembler: TranscriptAssembler;
  queue: PersistenceQueue;
  mic: MicCapture;
  recorder: ConversationRecorder | null;
  micSeconds: number;
  errorCount: number;
  statsTimer: ReturnType<typeof setInterval> | null;
  heartbeat: ReturnType<typeof setInterval> | null;
  ending: boolean;
  /** What sessionStorage holds for this tab, so a reload can continue the conversation. */
  stored: StoredConversation;
}

/** What the pipeline reports back to the conversation that owns it. */
export interface RunEvents {
  now: () => number;
  /** Milliseconds since the conversation began (offsets of turns and recorded media). */
  elapsed: () => number;
  onMicChunk: (chunk: MicChunk) => void;
  renew: () => Promise<LiveConnection>;
  fail: (message: string) => void;
}

export type EndStats = NonNullable<Parameters<LiveActions["endLiveSession"]>[0]["stats"]>;

/**
 * Wires one conversation's pipeline: the model's words go to the transcript assembler, its audio
 * through the analyser to the speakers (and the recorder), tool calls to our server and back, the
 * microphone to the socket. Nothing starts here; the conversation connects and starts capture.
 */
export function wireRun(
  { context, sessionId, queue, recording, stored, store, deps, events }: {
    context: AudioContext;
    sessionId: string;
    queue: PersistenceQueue;
    /** Undefined for a continued conversation: recorded segments are numbered per page. */
    recording: LiveStartOptions["recording"];
    stored: StoredConversation;
    store: ConversationStore;
    deps: ConversationDeps;
    events: RunEvents;
  },
  sessionStart: number,
): Run {
  const { now } = events;
  const assembler = new TranscriptAssembler(sessionStart, {
    onTurnClosed: (turn) => void queue.enqueue(turn).catch((error: unknown) => console.error("turn not stored", error)),
    onViewsChanged: (turns) => store.set({ turns }),
  });
  const recorder =
    recording && (recording.audio || recording.frames)
      ? new ConversationRecorder(context, sessionId, recording, events.elapsed, { onUnavailable: (message) => store.set({ notice: message }) }, deps.recorder)
      : null;
  const speakers = recorder ? recorder.playbackOutput() : context.destination;
  const analyser = typeof context.createAnalyser === "function" ? context.createAnalyser() : null;
  if (analyser) {
    analyser.fftSize = 1024;
    analyser.connect(speakers);
  }
  const player = new AudioPlayer(context, { output: analyser ?? speakers });
  const client: LiveClient = new LiveClient(
    {
      onInputTranscription: (text) => assembler.inputTranscription(text, now()),
      onOutputTranscription: (text) => assembler.outputTranscription(text, now()),
      onAudio: (data, mimeType) => {
        assembler.modelAudio(now());
        player.enqueue(data, mimeType);
      },
      onInterrupted: () => assembler.interrupted(now(), player.interrupt()),
      onTurnComplete: () => {
        assembler.turnComplete(now());
        player.endTurn();
      },
      onUsage: (usage) => assembler.usage(usage),
      onToolCall: (calls) =>
        void answerToolCalls(sessionId, calls).then((responses) => {
          client.sendToolResponse(responses);
          const note = describeToolResponses(responses);
          if (note) store.set({ toolNote: note, toolSources: knowledgeSourcesOfResponses(responses) });
        }),
      onReconnecting: () => store.set({ status: "reconnecting" }),
      onResumed: () => {
        store.set({ status: "live" });
        store.bumpStats({ resumptions: client.resumptions });
      },
      onFatal: events.fail,
    },
    { renewConnection: events.renew, createApi: deps.createApi },
  );
  const mic = new MicCapture(
    context,
    {
      onChunk: events.onMicChunk,
      onLevel: (level) => store.setQuietly({ inputLevel: level }),
      onStreamEnd: () => client.sendAudioStreamEnd(),
      onSource: (source) => recorder?.addSource(source),
    },
    deps.mic,
  );
  return { sessionId, context, client, player, analyser, assembler, queue, mic, recorder, micSeconds: 0, errorCount: 0, statsTimer: null, heartbeat: null, ending: false, stored };
}

/** Stops the socket, media and timers and closes open turns; returns the browser-side counters for the session row. */
export function teardownRun(run: Run, now: number, videoFramesSent: number): EndStats {
  run.client.close();
  run.mic.stop();
  run.player.interrupt();
  run.recorder?.stop();
  run.assembler.flush(now);
  if (run.statsTimer) clearInterval(run.statsTimer);
  if (run.heartbeat) clearInterval(run.heartbeat);
  const played = run.player.counters().playedMs / 1000;
  void run.context.close().catch(() => undefined);
  return {
    audioSeconds: Math.min(86_400, Math.round((run.micSeconds + played) * 10) / 10),
    videoFrameCount: videoFramesSent,
    errorCount: run.errorCount,
    resumptions: run.client.resumptions,
  };
}
