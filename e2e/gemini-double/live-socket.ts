import type { RawData, WebSocket } from "ws";
import { Answer, type PendingInput, type ServerMessage } from "./answer";
import { TEXT_CHARS_PER_TOKEN } from "./constants";
import type { Conversation, Conversations } from "./conversations";
import {
  checkBlob, checkClientContent, checkRealtimeInput, checkSetup, isObject, parseClientMessage,
  pcmRate, ProtocolError, type SetupOptions, setupOptions, textsOf,
} from "./protocol";
import type { ConnectionRecord, Recorder } from "./recorder";
import { durationMs, type ParsedScript, planTurn, scriptValue } from "./script";
import type { TokenStore } from "./tokens";
import { EnergyVad, type VadEvent } from "./vad";

/*
 * One Live WebSocket (BidiGenerateContent / BidiGenerateContentConstrained). Close codes follow
 * the service: 1007 for a bad key or a malformed message, 1008 for a refused token or handle.
 */

export interface LiveContext {
  validKeys: Set<string>;
  tokens: TokenStore;
  conversations: Conversations;
  recorder: Recorder;
  script: () => ParsedScript;
}

export interface LiveRoute {
  id: number;
  apiVersion: string;
  auth: "key" | "token";
  credential: string | null;
}

const IMAGE_MIME = /^image\/(jpeg|png|webp|heic|heif)$/;

export class LiveSocket {
  private setup: Record<string, unknown> | null = null;
  private conversation: Conversation | null = null;
  private readonly vad: EnergyVad;
  private answer: Answer | null = null;
  private pending: PendingInput = { audioMs: 0, textChars: 0, imageFrames: 0 };
  /** Tool calls waiting for the client's toolResponse, by call id. */
  private toolWaiters = new Map<string, (response: unknown) => void>();
  private nextToolCall = 1;
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly generation: number;
  private goAwaySent = false;

  constructor(private readonly ws: WebSocket, private readonly route: LiveRoute, private readonly ctx: LiveContext) {
    this.generation = ctx.recorder.generation;
    const script = ctx.script();
    this.vad = new EnergyVad({ silenceMs: scriptValue(script, "silenceMs"), threshold: scriptValue(script, "vadThreshold") });
    this.record();
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    ws.on("close", (code, reason) => this.onClose(code, reason.toString()));
    ws.on("error", () => this.onClose(1006, ""));
    if (route.auth === "key" && !(route.credential && ctx.validKeys.has(route.credential))) {
      this.close(1007, "API key not valid. Please pass a valid API key.");
    } else if (route.auth === "token") {
      const check = ctx.tokens.check(route.credential, { resuming: true });
      if (!check.ok) this.close(1008, check.reason);
    }
  }

  private record(): ConnectionRecord {
    const { id, auth, apiVersion, credential } = this.route;
    const tokenName = auth === "token" ? credential : null;
    return this.ctx.recorder.connection({ id, auth, apiVersion, tokenName }, this.generation);
  }

  private send(message: ServerMessage): void {
    // The service sends binary frames (browsers see a Blob); the SDK decodes either.
    if (!this.closed && this.ws.readyState === this.ws.OPEN) this.ws.send(Buffer.from(JSON.stringify(message)));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    const record = this.record();
    record.closedBy = "double";
    record.closeCode = code;
    record.closeReason = reason;
    record.closedAt = new Date().toISOString();
    this.shutdown();
    // A close reason is limited to 123 bytes.
    this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }

  private shutdown(): void {
    this.closed = true;
    this.answer?.cancel();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private onClose(code: number, reason: string): void {
    if (this.closed) return;
    const record = this.record();
    record.closedBy = "client";
    record.closeCode = code;
    record.closeReason = reason;
    record.closedAt = new Date().toISOString();
    this.shutdown();
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    this.record().messages += 1;
    const text = isBinary || !Array.isArray(data) ? data.toString() : Buffer.concat(data).toString();
    try {
      const { kind, body } = parseClientMessage(text);
      if (kind !== "setup" && !this.setup) {
        throw new ProtocolError("Request contains an invalid argument: the first message must be setup.");
      }
      if (kind === "setup") this.onSetup(body);
      else if (kind === "realtimeInput") this.onRealtimeInput(checkRealtimeInput(body));
      else if (kind === "clientContent") this.onClientContent(body);
      else if (kind === "toolResponse") this.onToolResponse(body);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.close(1007, error.message);
    }
  }

  private onToolResponse(body: Record<string, unknown>): void {
    const responses = Array.isArray(body.functionResponses) ? body.functionResponses : null;
    if (!responses) throw new ProtocolError("Invalid JSON payload received. Expected functionResponses in toolResponse.");
    for (const response of responses) {
      if (!isObject(response) || typeof response.id !== "string") throw new ProtocolError("Invalid JSON payload received. A function response needs the call's id.");
      this.record().toolResponses.push(response);
      const waiter = this.toolWaiters.get(response.id);
      this.toolWaiters.delete(response.id);
      waiter?.(response.response);
    }
  }

  private callTool(call: { name: string; args: Record<string, unknown> }, signal: AbortSignal): Promise<unknown> {
    const id = `double-call-${this.route.id}-${this.nextToolCall++}`;
    this.record().toolCalls.push({ id, ...call });
    return new Promise((resolve, reject) => {
      this.toolWaiters.set(id, resolve);
      signal.addEventListener("abort", () => {
        this.toolWaiters.delete(id);
        // As the service does when the user speaks over a pending call: the client must not answer it.
        if (signal.reason === "interrupted") this.send({ toolCallCancellation: { ids: [id] } });
        reject(signal.reason);
      });
      this.send({ toolCall: { functionCalls: [{ id, name: call.name, args: call.args }] } });
    });
  }

  private onSetup(setup: Record<string, unknown>): void {
    if (this.setup) throw new ProtocolError("Request contains an invalid argument: setup was already sent.");
    const { model } = checkSetup(setup);
    const resumption = isObject(setup.sessionResumption) ? setup.sessionResumption : null;
    const handle = typeof resumption?.handle === "string" && resumption.handle !== "" ? resumption.handle : null;
    const resumed = handle ? this.ctx.conversations.resume(handle) : null;
    if (handle && !resumed) return this.close(1008, "Session resumption handle is invalid or has expired.");

    if (this.route.auth === "token") {
      const check = this.ctx.tokens.check(this.route.credential, { resuming: resumed !== null });
      if (!check.ok) return this.close(1008, check.reason);
      const lockedModel = check.token.constraints?.model;
      if (typeof lockedModel === "string" && lockedModel !== model) {
        return this.close(1008, `Model ${model} does not match the model the auth token is constrained to.`);
      }
      if (!resumed) this.ctx.tokens.consume(check.token);
    }

    this.conversation = resumed ?? this.ctx.conversations.start(model ?? "");
    if (!resumed && isObject(setup.systemInstruction)) {
      const instruction = textsOf([setup.systemInstruction]).join("");
      this.conversation.contextTokens.text += Math.ceil(instruction.length / TEXT_CHARS_PER_TOKEN);
    }
    this.setup = setup;
    const record = this.record();
    record.setup = setup;
    record.model = model;
    record.conversationId = this.conversation.id;
    record.resumedFromHandle = handle;
    this.send({ setupComplete: {} });

    const closeWith = this.ctx.script().closeWith;
    if (closeWith && closeWith.afterTurns === 0) this.later(50, () => this.close(closeWith.code, closeWith.reason));
  }

  private get options(): SetupOptions {
    return setupOptions(this.setup ?? {});
  }

  private onAudio(blob: unknown, at: string, legacy: boolean): void {
    const { bytes, mimeType } = checkBlob(blob, at);
    const rate = pcmRate(mimeType);
    if (rate === null) throw new ProtocolError(`Request contains an invalid argument: unsupported audio mime type ${mimeType}.`);
    const record = this.record();
    record.audioChunks += 1;
    record.audioBytes += bytes.length;
    if (legacy) record.legacyMediaChunks += 1;
    if (!record.audioMimeTypes.includes(mimeType)) record.audioMimeTypes.push(mimeType);
    const before = this.vad.receivedMs;
    const events = this.vad.push(bytes, rate);
    record.audioMs += this.vad.receivedMs - before;
    this.pending.audioMs += this.vad.receivedMs - before;
    if (this.options.automaticActivityDetection) this.onVad(events);
  }

  private onImage(blob: unknown, at: string): void {
    const { bytes, mimeType } = checkBlob(blob, at);
    if (!IMAGE_MIME.test(mimeType)) throw new ProtocolError(`Request contains an invalid argument: unsupported image mime type ${mimeType}.`);
    const record = this.record();
    record.videoFrames += 1;
    record.videoBytes += bytes.length;
    if (!record.videoMimeTypes.includes(mimeType)) record.videoMimeTypes.push(mimeType);
    this.pending.imageFrames += 1;
  }

  private onRealtimeInput(input: Record<string, unknown>): void {
    const record = this.record();
    if (input.audio !== undefined) this.onAudio(input.audio, "realtime_input.audio", false);
    if (input.video !== undefined) this.onImage(input.video, "realtime_input.video");
    for (const [index, chunk] of ((input.mediaChunks as unknown[] | undefined) ?? []).entries()) {
      const at = `realtime_input.media_chunks[${index}]`;
      const mime = isObject(chunk) && typeof chunk.mimeType === "string" ? chunk.mimeType : "";
      if (mime.startsWith("image/")) this.onImage(chunk, at);
      else this.onAudio(chunk, at, true);
    }
    if (input.activityStart !== undefined || input.activityEnd !== undefined) {
      if (this.options.automaticActivityDetection) {
        throw new ProtocolError("Request contains an invalid argument: activity_start/activity_end need automatic activity detection disabled.");
      }
      if (input.activityStart !== undefined) {
        record.activityStarts += 1;
        this.onVad(["speechStart"]);
      }
      if (input.activityEnd !== undefined) {
        record.activityEnds += 1;
        this.onVad(["speechEnd"]);
      }
    }
    if (input.audioStreamEnd === true) {
      record.audioStreamEnds += 1;
      if (this.options.automaticActivityDetection) this.onVad(this.vad.flush());
    }
    if (typeof input.text === "string") {
      record.texts.push(input.text);
      this.pending.textChars += input.text.length;
      this.startAnswer(false);
    }
  }

  private onClientContent(body: Record<string, unknown>): void {
    const { turns, turnComplete } = checkClientContent(body);
    const record = this.record();
    record.clientContents += 1;
    const texts = textsOf(turns);
    record.texts.push(...texts);
    this.pending.textChars += texts.join("").length;
    if (turnComplete) this.startAnswer(false);
  }

  private onVad(events: VadEvent[]): void {
    for (const event of events) {
      if (event === "speechStart" && this.answer?.active && this.options.interruptible) {
        this.answer.interrupt();
        this.record().interruptions += 1;
      } else if (event === "speechEnd") {
        this.startAnswer(true);
      }
    }
  }

  private startAnswer(fromAudio: boolean): void {
    if (!this.setup || !this.conversation || this.answer?.active) return;
    const script = this.ctx.script();
    const conversation = this.conversation;
    const turn = conversation.turns;
    const record = this.record();
    record.userTurns += 1;
    const options = this.options;
    const midAnswerGoAway = script.goAwayDuringAnswer?.turn === turn ? script.goAwayDuringAnswer : null;
    const answer = new Answer({
      plan: planTurn(script, turn),
      fromAudio,
      inputTranscription: options.inputTranscription,
      lateInputFragments: script.lateInputFragments ?? 0,
      outputTranscription: options.outputTranscription,
      textOnly: options.textOnly,
      chunkMs: script.chunkMs,
      seed: conversation.id * 1_000 + turn,
      pace: scriptValue(script, "pace"),
      responseDelayMs: scriptValue(script, "responseDelayMs"),
      input: this.pending,
      conversation,
      send: (message) => this.send(message),
      callTool: (call, signal) => this.callTool(call, signal),
      // While the model generates, the service cannot be resumed: an update says so, with no handle.
      onGenerating: () => {
        if (!this.options.resumption) return;
        this.send({ sessionResumptionUpdate: { resumable: false } });
        this.record().resumptionUpdatesSent += 1;
      },
      onAudioChunk: (sentMs) => {
        this.record().modelAudioChunksSent += 1;
        if (midAnswerGoAway && sentMs >= midAnswerGoAway.afterMs) this.sendGoAway();
      },
    });
    this.answer = answer;
    this.pending = { audioMs: 0, textChars: 0, imageFrames: 0 };
    conversation.turns += 1;
    void answer.done.then((outcome) => {
      if (outcome !== "cancelled") this.afterTurn(outcome === "completed");
    });
  }

  /** Once per connection; the connection then ends when `timeLeft` runs out (or the scripted delay). */
  private sendGoAway(): void {
    if (this.goAwaySent || this.closed) return;
    this.goAwaySent = true;
    const script = this.ctx.script();
    const timeLeft = scriptValue(script, "goAwayTimeLeft");
    this.send({ goAway: { timeLeft } });
    this.record().goAwaysSent += 1;
    this.later(script.goAwayCloseDelayMs ?? durationMs(timeLeft), () => this.close(1000, ""));
  }

  private afterTurn(completed: boolean): void {
    if (this.closed || !this.conversation) return;
    const record = this.record();
    if (completed) record.turnsCompleted += 1;
    if (this.options.resumption) {
      const newHandle = this.ctx.conversations.issueHandle(this.conversation);
      this.send({ sessionResumptionUpdate: { newHandle, resumable: true } });
      record.resumptionUpdatesSent += 1;
      record.lastResumableHandle = newHandle;
    }
    if (!completed) return;
    const script = this.ctx.script();
    if (script.goAwayAfterTurns !== undefined && record.turnsCompleted === script.goAwayAfterTurns) this.sendGoAway();
    const closeWith = script.closeWith;
    if (closeWith && closeWith.afterTurns > 0 && record.turnsCompleted === closeWith.afterTurns) {
      this.close(closeWith.code, closeWith.reason);
    }
  }
}
