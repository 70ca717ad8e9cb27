import { type FunctionCall, type FunctionResponse, GoogleGenAI, type LiveServerMessage, type Session } from "@google/genai";
import type { LiveConnection } from "./contract";
import { classifyClose, describeConnectError } from "./live-errors";
import { backoffDelayMs } from "./backoff";
import type { Usage } from "./transcript-assembler";

export interface LiveClientEvents {
  onInputTranscription: (text: string) => void;
  onOutputTranscription: (text: string) => void;
  onAudio: (base64: string, mimeType: string) => void;
  /** The model's turn ended unfinished: the user spoke over it, or a switch of sockets cut it. */
  onInterrupted: () => void;
  onTurnComplete: () => void;
  onUsage: (usage: Usage) => void;
  /** The model calls functions (the memory tools); answer with sendToolResponse. */
  onToolCall?: (calls: FunctionCall[]) => void;
  /** The socket is being replaced (goAway or a resumable close). */
  onReconnecting: () => void;
  onResumed: () => void;
  /** Unrecoverable: the conversation is over, with a sentence for the user. */
  onFatal: (message: string) => void;
}

/** The slice of the SDK the client uses, so tests can hand in a double. */
export interface LiveApi {
  live: { connect: GoogleGenAI["live"]["connect"] };
}

export interface LiveClientOptions {
  /** A fresh single-use token for the same session (the renewLiveToken action). */
  renewConnection: () => Promise<LiveConnection>;
  createApi?: (connection: LiveConnection) => LiveApi;
  maxResumeAttempts?: number;
  resumeBackoffMs?: number;
  isOnline?: () => boolean;
  /** How long before goAway's `timeLeft` runs out the client switches even mid-answer (at most half of it). */
  goAwayMarginMs?: number;
}

interface Attempt {
  session: Session | null;
  /** Our own close(): its onclose is expected. */
  retired: boolean;
  /** Its turn was cut for a switch: what it still sends belongs to a line already closed. */
  cut: boolean;
}

const browserApi = (connection: LiveConnection): LiveApi =>
  new GoogleGenAI({
    apiKey: connection.token,
    httpOptions: { apiVersion: "v1alpha", baseUrl: connection.apiBaseUrl ?? undefined },
  });

/** When goAway carries no usable `timeLeft`. */
const DEFAULT_GO_AWAY_MS = 5000;

/** A protobuf Duration ("5s", "0.25s") in ms, or null. */
export function durationToMs(duration: string | undefined): number | null {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration ?? "");
  return match ? Math.round(Number(match[1]) * 1000) : null;
}

/**
 * One live conversation over `@google/genai`'s Live API, across as many sockets as it takes:
 * it keeps the latest handle the service marked resumable and, on `goAway` or a resumable
 * close, connects again with that handle and a renewed token. Server messages are routed to
 * `events`.
 *
 * After `goAway` the current socket keeps serving until the model's turn is complete and the
 * service has marked the state after it resumable (so no answer is cut and the resumed session
 * remembers it), or until `timeLeft` is nearly spent; a turn cut then is reported as interrupted.
 */
export class LiveClient {
  private current: Attempt | null = null;
  /** The socket being set up; its first messages may arrive before connect() returns. */
  private connecting: Attempt | null = null;
  private handle: string | null = null;
  /** The latest update was resumable: no generation started since `handle` was issued. */
  private handleCurrent = false;
  /** The model's turn on the current socket is open (audio or transcription, no turnComplete yet). */
  private generating = false;
  /** goAway received on the current socket: switch at the next safe moment. */
  private draining = false;
  private drainTimer: ReturnType<typeof setTimeout> | null = null;
  private resuming = false;
  private stopped = false;
  private pendingText: string[] = [];
  /** Tool calls awaiting our answer: the model's turn is open until they are answered or cancelled. */
  private openToolCalls = new Set<string>();
  /** Calls the service cancelled (the user spoke over them): their late answers are not sent. */
  private cancelledToolCalls = new Set<string>();
  resumptions = 0;

  private readonly createApi: (connection: LiveConnection) => LiveApi;
  private readonly maxResumeAttempts: number;
  private readonly resumeBackoffMs: number;
  private readonly isOnline: () => boolean;
  private readonly goAwayMarginMs: number;

  constructor(
    private readonly events: LiveClientEvents,
    private readonly options: LiveClientOptions,
  ) {
    this.createApi = options.createApi ?? browserApi;
    this.maxResumeAttempts = options.maxResumeAttempts ?? 3;
    this.resumeBackoffMs = options.resumeBackoffMs ?? 1000;
    this.isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine !== false));
    this.goAwayMarginMs = options.goAwayMarginMs ?? 1500;
  }

  /** The newest handle the service marked resumable (kept for the tab, so a reload can continue). */
  get resumptionHandle(): string | null {
    return this.handle;
  }

  /**
   * Resolves once the service confirmed the setup; rejects with a human sentence. `handle`
   * continues an earlier connection's conversation (the page was reloaded).
   */
  async connect(connection: LiveConnection, handle: string | null = null): Promise<void> {
    this.stopped = false;
    this.handle = handle;
    this.handleCurrent = handle !== null;
    try {
      await this.open(connection, handle);
    } catch (error) {
      throw new Error(describeConnectError(error, this.isOnline()), { cause: error });
    }
  }

  sendAudio(base64: string): boolean {
    return this.send({ audio: { data: base64, mimeType: "audio/pcm;rate=16000" } });
  }

  /** The mic was muted: lets the service's voice detection end the user's turn now. */
  sendAudioStreamEnd(): boolean {
    return this.send({ audioStreamEnd: true });
  }

  sendVideo(base64: string, mimeType = "image/jpeg"): boolean {
    return this.send({ video: { data: base64, mimeType } });
  }

  /** The answers to a toolCall, on the socket that serves the conversation now. */
  sendToolResponse(functionResponses: FunctionResponse[]): boolean {
    const session = this.current?.session;
    const answers = functionResponses.filter((response) => !response.id || !this.cancelledToolCalls.has(response.id));
    for (const response of functionResponses) if (response.id) this.openToolCalls.delete(response.id);
    if (this.draining) this.switchWhenSafe();
    if (!session || this.stopped || answers.length === 0) return false;
    try {
      session.sendToolResponse({ functionResponses: answers });
      return true;
    } catch {
      return false;
    }
  }

  /** Typed text; kept and sent after a reconnect if the socket is being replaced. */
  sendText(text: string): void {
    if (!this.send({ text })) this.pendingText.push(text);
  }

  close(): void {
    this.stopped = true;
    this.stopDraining();
    this.retire(this.current);
    this.current = null;
  }

  private send(params: Parameters<Session["sendRealtimeInput"]>[0]): boolean {
    // During a goAway the old socket stays current (and usable) until its replacement is ready.
    const session = this.current?.session;
    if (!session || this.stopped) return false;
    try {
      session.sendRealtimeInput(params);
      return true;
    } catch {
      // The socket is closing; its onclose decides what happens next.
      return false;
    }
  }

  private async open(connection: LiveConnection, handle: string | null): Promise<void> {
    const attempt: Attempt = { session: null, retired: false, cut: false };
    const api = this.createApi(connection);
    const sessionResumption = { ...(connection.config.sessionResumption ?? {}), ...(handle ? { handle } : {}) };
    this.connecting = attempt;
    let session: Session;
    try {
      session = await api.live.connect({
        model: connection.model,
        config: { ...connection.config, sessionResumption },
        callbacks: {
          onmessage: (message) => {
            if ((this.current === attempt && !attempt.cut) || this.connecting === attempt) this.route(message);
          },
          onclose: (event) => {
            if (attempt.session && !attempt.retired && this.current === attempt) this.onUnexpectedClose(event.code, event.reason);
          },
        },
      });
    } finally {
      if (this.connecting === attempt) this.connecting = null;
    }
    if (this.stopped) {
      session.close();
      return;
    }
    attempt.session = session;
    const previous = this.current;
    this.current = attempt;
    this.retire(previous);
  }

  private route(message: LiveServerMessage): void {
    const update = message.sessionResumptionUpdate;
    if (update?.resumable && update.newHandle) {
      this.handle = update.newHandle;
      this.handleCurrent = true;
    } else if (update?.resumable === false) {
      this.handleCurrent = false;
    }
    const content = message.serverContent;
    if (content) {
      if (content.inputTranscription?.text) this.events.onInputTranscription(content.inputTranscription.text);
      if (content.outputTranscription?.text) {
        this.generating = true;
        this.events.onOutputTranscription(content.outputTranscription.text);
      }
      for (const part of content.modelTurn?.parts ?? []) {
        const data = part.inlineData;
        if (!data?.data || !data.mimeType?.startsWith("audio/")) continue;
        this.generating = true;
        this.events.onAudio(data.data, data.mimeType);
      }
    }
    const calls = message.toolCall?.functionCalls ?? [];
    for (const call of calls) if (call.id) this.openToolCalls.add(call.id);
    for (const id of message.toolCallCancellation?.ids ?? []) {
      this.openToolCalls.delete(id);
      this.cancelledToolCalls.add(id);
    }
    if (calls.length) this.events.onToolCall?.(calls);
    if (message.usageMetadata) {
      this.events.onUsage({
        promptTokenCount: message.usageMetadata.promptTokenCount,
        responseTokenCount: message.usageMetadata.responseTokenCount,
      });
    }
    if (content?.interrupted) this.events.onInterrupted();
    if (content?.turnComplete) this.events.onTurnComplete();
    if (content?.interrupted || content?.turnComplete) this.generating = false;
    if (message.goAway) this.onGoAway(durationToMs(message.goAway.timeLeft) ?? DEFAULT_GO_AWAY_MS);
    if (this.draining) this.switchWhenSafe();
  }

  private onGoAway(timeLeftMs: number): void {
    if (this.draining || this.resuming || this.stopped) return;
    this.draining = true;
    const margin = Math.min(this.goAwayMarginMs, timeLeftMs / 2);
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      // Without a handle there is nothing to switch to: the socket serves until it closes.
      if (!this.draining || !this.handle) return;
      this.stopDraining();
      if (this.generating && this.current) this.current.cut = true;
      this.cutOpenTurn();
      void this.resume(null);
    }, timeLeftMs - margin);
  }

  /** Between turns, with a handle that holds the last answer: the old socket has nothing left to give. */
  private switchWhenSafe(): void {
    // An unanswered tool call belongs to this socket's session: its answer must reach it.
    if (this.generating || this.openToolCalls.size > 0 || !this.handleCurrent || this.resuming) return;
    this.stopDraining();
    void this.resume(null);
  }

  private stopDraining(): void {
    this.draining = false;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }

  /** The socket serving the model's turn goes away before turnComplete: that line ends here. */
  private cutOpenTurn(): void {
    if (!this.generating) return;
    this.generating = false;
    this.events.onInterrupted();
  }

  private onUnexpectedClose(code: number, reason: string): void {
    this.stopDraining();
    this.cutOpenTurn();
    const verdict = classifyClose(code, reason);
    if (verdict.resumable && this.handle) {
      this.current = null;
      void this.resume(verdict.message);
      return;
    }
    this.current = null;
    this.fail(this.isOnline() ? verdict.message : classifyClose(1006).message);
  }

  /** Connects again with the latest handle; `closedMessage` is set when the old socket is already gone. */
  private async resume(closedMessage: string | null): Promise<void> {
    if (this.resuming || this.stopped) return;
    if (!this.handle) {
      // A goAway before any handle: keep the socket until it closes; nothing to resume with.
      if (closedMessage) this.fail(closedMessage);
      return;
    }
    this.resuming = true;
    this.events.onReconnecting();
    let lastError: unknown = null;
    for (let attempt = 0; attempt < this.maxResumeAttempts && !this.stopped; attempt++) {
      if (attempt > 0) await sleep(backoffDelayMs(attempt, { initialMs: this.resumeBackoffMs, maxMs: Number.POSITIVE_INFINITY }));
      try {
        const connection = await this.options.renewConnection();
        await this.open(connection, this.handle);
        if (this.stopped) return;
        this.resuming = false;
        this.generating = false;
        this.resumptions += 1;
        this.events.onResumed();
        for (const text of this.pendingText.splice(0)) this.sendText(text);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    this.resuming = false;
    if (this.stopped) return;
    this.retire(this.current);
    this.current = null;
    this.fail(lastError instanceof Error && !/\(code \d+\)|before setup/.test(lastError.message) ? lastError.message : describeConnectError(lastError, this.isOnline()));
  }

  private fail(message: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopDraining();
    this.events.onFatal(message);
  }

  private retire(attempt: Attempt | null): void {
    if (!attempt || attempt.retired) return;
    attempt.retired = true;
    try {
      attempt.session?.close();
    } catch {
      // Already closed.
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
