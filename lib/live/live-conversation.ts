import { teardownRun, wireRun, type ConversationDeps, type EndStats, type Run } from "./conversation-run";
import { ConversationStore } from "./conversation-store";
import { INITIAL, isLimitCode, settle } from "./conversation-state";
import type { LiveActions, LiveConnection, LiveStartOptions } from "./contract";
import type { LiveClient } from "./live-client";
import { MESSAGES } from "./live-errors";
import type { MicChunk } from "./mic-capture";
import { PersistenceQueue, type QueueStats } from "./persistence-queue";
import { forgetStoredConversation, readStoredConversation, storeConversation, type StoredConversation } from "./resume-store";
import { VideoCapture, type VideoSource } from "./video-capture";

/** How long Stop waits for the server to acknowledge the last turns (the rest stay in IndexedDB). */
const DRAIN_TIMEOUT_MS = 5000;
const STATS_REFRESH_MS = 250;
// A quiet conversation (camera only, long pauses) must not look abandoned to the stale sweep.
const HEARTBEAT_MS = 60_000;

/** Continuing a conversation the tab held before a reload. */
interface Continuation {
  handle: string | null;
  startedAtMs: number;
}

/**
 * One live conversation, framework-free: wires the SDK client, capture, playback, the
 * transcript assembler and the persistence queue, and exposes an immutable state snapshot
 * (for useSyncExternalStore). The React hook is a thin shell around this.
 */
export class LiveConversation {
  private readonly store = new ConversationStore();
  private run: Run | null = null;
  private lastOptions: LiveStartOptions | null = null;
  /** Stop pressed while the start action was still running. */
  private cancelStart = false;
  private readonly video: VideoCapture;
  private readonly now = () => performance.now();

  constructor(
    private readonly actions: LiveActions,
    private readonly deps: ConversationDeps = {},
  ) {
    this.video = new VideoCapture({
      onFrame: (data, mimeType) => {
        if (this.run?.client.sendVideo(data, mimeType)) this.store.bumpStats({ videoFramesSent: this.store.state.stats.videoFramesSent + 1 });
        if (this.video.source === "camera") this.run?.recorder?.frame(data);
      },
      onEnded: (source) => this.store.set(source === "camera" ? { cameraOn: false, previewStream: null } : { screenOn: false, previewStream: null }),
    });
  }

  subscribe = this.store.subscribe;
  getSnapshot = this.store.getSnapshot;

  async start(options: LiveStartOptions): Promise<void> {
    if (this.run || this.store.state.status === "connecting") return;
    // A new conversation: one this tab left open before a reload is ended by replaceActive, at its last activity.
    forgetStoredConversation();
    this.lastOptions = options;
    this.cancelStart = false;
    const context = await this.openAudio(options);
    if (!context) return;
    const started = await settle(this.actions.startLiveSession({
        voice: options.voice,
        personaId: options.personaId ?? null,
        cameraEnabled: options.cameraEnabled,
        micEnabled: options.micEnabled,
        ...(options.memoryOptOut ? { memoryOptOut: true } : {}),
        // Pressing Start here means "talk here": a conversation left open by a reload or another tab is ended.
        replaceActive: true,
      }),);
    if (!started.ok) {
      void context.close();
      this.store.set({ status: "error", error: started.message, limited: isLimitCode(started.code) });
      return;
    }
    await this.launch(context, started.data.sessionId, started.data, options, null);
  }

  /**
   * After mount: offers the conversation this tab held before a reload (sessionStorage).
   * Returns its session id: its turns go on numbering from where they stopped.
   */
  checkForContinuation(): string | null {
    if (this.run || this.store.state.status !== "idle") return null;
    const stored = readStoredConversation();
    this.store.set({ resumeOffer: stored ? { sessionId: stored.sessionId } : null });
    return stored?.sessionId ?? null;
  }

  /** Continues the offered conversation: the same session, a fresh token, the service's latest handle. */
  async continueConversation(): Promise<void> {
    const stored = readStoredConversation();
    if (this.run || this.store.state.status === "connecting" || !stored) return;
    this.lastOptions = stored.options;
    this.cancelStart = false;
    const context = await this.openAudio(stored.options);
    if (!context) return;
    const renewed = await settle(this.actions.renewLiveToken({ sessionId: stored.sessionId }));
    if (!renewed.ok) {
      void context.close();
      forgetStoredConversation();
      this.store.set({ status: "error", error: renewed.message, limited: isLimitCode(renewed.code) });
      return;
    }
    await this.launch(context, stored.sessionId, renewed.data, stored.options, { handle: stored.handle, startedAtMs: stored.startedAtMs });
  }

  /** Ends the offered conversation where it stopped (its last activity), not now. */
  async endPrevious(): Promise<void> {
    const stored = readStoredConversation();
    if (this.run || !stored) return;
    this.store.set({ resumeOffer: null, status: "ending", sessionId: stored.sessionId });
    // Its turns first, so they count in what ending it computes.
    await PersistenceQueue.recoverLeftovers(this.deps.queue ?? {}).catch(() => 0);
    await this.endOnServer(stored.sessionId, "ENDED", null, null, { abandoned: true });
    forgetStoredConversation();
    this.store.set({ status: "ended" });
  }

  private async openAudio(options: LiveStartOptions): Promise<AudioContext | null> {
    this.store.set({ ...INITIAL, status: "connecting", micMuted: !options.micEnabled, cameraOn: this.store.state.cameraOn, screenOn: this.store.state.screenOn, previewStream: this.store.state.previewStream });
    // Created inside the click that pressed Start, so the browser lets it play.
    try {
      const context = this.deps.createAudioContext?.() ?? new AudioContext({ latencyHint: "interactive" });
      await context.resume();
      return context;
    } catch {
      this.store.set({ status: "error", error: MESSAGES.audioUnsupported });
      return null;
    }
  }

  private async launch(context: AudioContext, sessionId: string, connection: LiveConnection, options: LiveStartOptions, continuation: Continuation | null): Promise<void> {
    if (this.cancelStart) {
      void context.close();
      await this.endOnServer(sessionId, "ENDED", null, null);
      this.store.set({ status: "ended", sessionId });
      return;
    }
    const startedAtMs = continuation?.startedAtMs ?? Date.now();
    // A continued conversation keeps its clock: offsets go on from where the first page left them.
    const sessionStart = this.now() - (Date.now() - startedAtMs);
    let queue: PersistenceQueue;
    try {
      queue = await PersistenceQueue.open(sessionId, { ...this.deps.queue, onChange: (s) => this.onQueue(s) });
    } catch (error) {
      void context.close();
      await this.endOnServer(sessionId, "ERROR", "This browser cannot store the conversation (IndexedDB is unavailable).", null);
      this.store.set({ status: "error", error: "This browser cannot store the conversation (IndexedDB is unavailable, e.g. in a private window).", sessionId });
      console.error(error);
      return;
    }
    // Recorded segments are numbered per page, so a continued conversation does not record again.
    const recording = continuation ? undefined : options.recording;
    if (continuation && (options.recording?.audio || options.recording?.frames)) this.store.set({ notice: MESSAGES.recordingNotContinued });
    const stored: StoredConversation = { sessionId, handle: continuation?.handle ?? null, startedAtMs, options };
    const run = wireRun(
      {
        context,
        sessionId,
        queue,
        recording,
        stored,
        store: this.store,
        deps: this.deps,
        events: {
          now: this.now,
          elapsed: () => this.now() - sessionStart,
          onMicChunk: (chunk) => this.onMicChunk(chunk),
          renew: () => this.renew(sessionId),
          fail: (message) => void this.fail(message),
        },
      },
      sessionStart,
    );
    const { client, mic, recorder } = run;
    run.statsTimer = setInterval(() => {
      run.assembler.tick(this.now());
      this.refreshStats();
      this.keepHandle();
    }, STATS_REFRESH_MS);
    this.run = run;
    this.store.set({ sessionId, resumeOffer: null });

    try {
      await this.connect(client, sessionId, connection, continuation?.handle ?? null);
    } catch (error) {
      await this.fail(error instanceof Error ? error.message : MESSAGES.network);
      return;
    }
    storeConversation(stored);
    if (this.run?.sessionId !== sessionId || this.run.ending) return;
    void this.heartbeat(sessionId);
    this.run.heartbeat = setInterval(() => void this.heartbeat(sessionId), HEARTBEAT_MS);
    recorder?.start();
    this.store.set({ status: "live", recording: { audio: recorder?.recordingAudio ?? false, frames: recording?.frames ?? false } });
    if (options.micEnabled) await this.startMic();
    else mic.setMuted(true);
    if (options.cameraEnabled && !this.store.state.cameraOn && !this.store.state.screenOn) await this.setVideo("camera", true);
  }

  private levelBuffer: Float32Array<ArrayBuffer> | null = null;

  /**
   * 0..1, the loudness of the model's audio playing right now (RMS over the analyser's window).
   * Read per animation frame by the page, so it is a method rather than published state.
   */
  outputLevel(): number {
    const analyser = this.run?.analyser;
    if (!analyser) return 0;
    if (this.levelBuffer?.length !== analyser.fftSize) this.levelBuffer = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(this.levelBuffer);
    let sum = 0;
    for (const sample of this.levelBuffer) sum += sample * sample;
    return Math.min(1, Math.sqrt(sum / this.levelBuffer.length) * 4);
  }

  /** Ends the conversation: closes the socket and media, waits for the last turns, then ends it on the server. */
  async stop(): Promise<void> {
    const run = this.run;
    if (!run) {
      if (this.store.state.status === "connecting") this.cancelStart = true;
      return;
    }
    if (run.ending) return;
    run.ending = true;
    forgetStoredConversation();
    this.store.set({ status: "ending" });
    const stats = this.teardown(run);
    await Promise.all([run.queue.drain(DRAIN_TIMEOUT_MS), run.recorder?.finished(DRAIN_TIMEOUT_MS)]);
    await this.endOnServer(run.sessionId, "ENDED", null, stats);
    run.queue.close();
    this.refreshStats(run);
    if (this.run === run) this.run = null;
    this.store.set({ status: "ended", inputLevel: 0 });
  }

  async retry(): Promise<void> {
    if (this.run || !this.lastOptions) return;
    await this.start(this.lastOptions);
  }

  setMicMuted(muted: boolean): void {
    const run = this.run;
    this.store.set({ micMuted: muted });
    if (!run) return;
    // Unmuting retries the microphone too: permission may have been granted since.
    if (!muted && !run.mic.active) void this.startMic();
    run.mic.setMuted(muted);
  }

  setCameraOn(on: boolean): Promise<void> {
    return this.setVideo("camera", on);
  }

  setScreenOn(on: boolean): Promise<void> {
    return this.setVideo("screen", on);
  }

  sendText(text: string): void {
    const run = this.run;
    const trimmed = text.trim();
    if (!run || !trimmed || this.store.state.status !== "live") return;
    run.assembler.userText(trimmed, this.now());
    run.client.sendText(trimmed);
  }

  /** `pagehide`: the page may never run again, so unacknowledged turns and recorded media go out now. */
  pageHide(): void {
    this.keepHandle();
    this.run?.queue.flushWithBeacon();
    this.run?.recorder?.pageHide();
  }

  /** The page goes away (client-side navigation): end a running conversation properly. */
  dispose(): void {
    if (this.run) void this.stop();
    this.video.stop();
  }

  private async startMic(): Promise<void> {
    const run = this.run;
    if (!run) return;
    try {
      await run.mic.start();
      if (run.ending) {
        run.mic.stop();
        return;
      }
      run.mic.setMuted(this.store.state.micMuted);
      this.store.set({ micUnavailable: false });
    } catch (error) {
      // Typed conversation still works without a microphone.
      this.store.set({ micUnavailable: true, micMuted: true, notice: error instanceof Error ? error.message : MESSAGES.micDenied });
    }
  }

  private async setVideo(source: VideoSource, on: boolean): Promise<void> {
    const key = source === "camera" ? "cameraOn" : "screenOn";
    if (!on) {
      if (this.video.source === source) this.video.stop();
      this.store.set({ [key]: false, previewStream: this.video.stream });
      return;
    }
    try {
      const stream = await this.video.start(source);
      this.store.set({ cameraOn: source === "camera", screenOn: source === "screen", previewStream: stream, notice: null });
    } catch (error) {
      this.store.set({ [key]: false, notice: error instanceof Error ? error.message : String(error) });
    }
  }

  private onMicChunk(chunk: MicChunk): void {
    const run = this.run;
    if (!run || !run.client.sendAudio(chunk.data)) return;
    run.micSeconds += chunk.durationMs / 1000;
    if (chunk.voiced) run.assembler.userSpeech(this.now());
    this.store.bumpStats({ audioChunksSent: this.store.state.stats.audioChunksSent + 1 });
  }

  /*
   * Keeps the session fresh on the server. Signed out (elsewhere, or the account suspended), this
   * browser may no longer talk or store turns: the conversation ends here, its unsent turns kept
   * in IndexedDB. Other failures (network, a restarting server) are left to the next beat.
   */
  private async heartbeat(sessionId: string): Promise<void> {
    const beat = await settle(this.actions.markLiveSessionActive({ sessionId }));
    if (!beat.ok && beat.code === "unauthorized:auth" && this.run?.sessionId === sessionId) await this.fail(MESSAGES.signedOut, { reachServer: false });
  }

  /** With the handle a reload left, falling back to a fresh start of the same session if the service refuses it. */
  private async connect(client: LiveClient, sessionId: string, connection: LiveConnection, handle: string | null): Promise<void> {
    try {
      await client.connect(connection, handle);
    } catch (error) {
      if (!handle || this.run?.sessionId !== sessionId || this.run.ending) throw error;
      await client.connect(await this.renew(sessionId), null);
    }
  }

  /** The newest resumable handle goes to sessionStorage, for a reload to continue from. */
  private keepHandle(): void {
    const run = this.run;
    const handle = run?.client.resumptionHandle ?? null;
    if (!run || run.ending || !handle || handle === run.stored.handle) return;
    run.stored = { ...run.stored, handle };
    storeConversation(run.stored);
  }

  private async renew(sessionId: string): Promise<LiveConnection> {
    const renewed = await settle(this.actions.renewLiveToken({ sessionId }));
    if (!renewed.ok) throw new Error(renewed.message);
    return renewed.data;
  }

  /** `reachServer` false: the server no longer accepts this browser, so nothing is sent or awaited. */
  private async fail(message: string, { reachServer = true }: { reachServer?: boolean } = {}): Promise<void> {
    const run = this.run;
    if (!run || run.ending) return;
    run.ending = true;
    forgetStoredConversation();
    run.errorCount += 1;
    this.store.set({ status: "error", error: message });
    const stats = this.teardown(run);
    if (reachServer) {
      await Promise.all([run.queue.drain(DRAIN_TIMEOUT_MS), run.recorder?.finished(DRAIN_TIMEOUT_MS)]);
      await this.endOnServer(run.sessionId, "ERROR", message, stats);
    }
    run.queue.close();
    if (this.run === run) this.run = null;
  }

  /** Stops sockets, media and timers; closes open turns. Returns the browser-side counters for the session row. */
  private teardown(run: Run): EndStats {
    this.video.stop();
    const stats = teardownRun(run, this.now(), this.store.state.stats.videoFramesSent);
    this.store.set({ cameraOn: false, screenOn: false, previewStream: null, inputLevel: 0, recording: { audio: false, frames: false } });
    return stats;
  }

  private async endOnServer(
    sessionId: string,
    status: "ENDED" | "ERROR",
    errorMessage: string | null,
    stats: EndStats | null,
    { abandoned = false }: { abandoned?: boolean } = {},
  ): Promise<void> {
    const ended = await settle(this.actions.endLiveSession({ sessionId, status, errorMessage: errorMessage?.slice(0, 500) ?? null, ...(stats ? { stats } : {}), ...(abandoned ? { abandoned } : {}) }));
    if (!ended.ok) this.store.set({ notice: `The conversation could not be closed on the server: ${ended.message}` });
  }

  private onQueue(stats: QueueStats): void {
    this.store.bumpStats({ turnsPending: stats.pending, turnsAcknowledged: stats.acknowledged });
  }

  private refreshStats(run = this.run): void {
    if (!run) return;
    this.store.bumpStats(run.player.counters());
  }
}
