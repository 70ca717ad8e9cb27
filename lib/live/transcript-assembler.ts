import type { LiveTurnView, TurnInput } from "./contract";

/** A closed turn before the persistence queue gives it a sequence number. */
const MAX_TURN_TEXT = 20_000;

export type ClosedTurn = Omit<TurnInput, "sequenceNumber">;

export interface Usage {
  promptTokenCount?: number;
  responseTokenCount?: number;
}

interface OpenTurn {
  index: number;
  startedAt: number;
  inputTokens: number | null;
  outputTokens: number | null;
  usageSeen: boolean;
}

/** How long a closed model turn waits for the usage metadata that follows `turnComplete`. */
export const USAGE_GRACE_MS = 1500;

/** Voice after a pause this long starts a new utterance (where the next user turn begins). */
export const SPEECH_GAP_MS = 700;

/**
 * The service often sends the last input fragments after the model's first audio. For this long
 * after the model starts answering, a fragment with no new utterance behind it still belongs to
 * the user's turn before the answer.
 */
export const LATE_INPUT_MS = 2000;

export interface AssemblerListener {
  onTurnClosed: (turn: ClosedTurn) => void;
  /** A new array on every change; treat it as read-only. */
  onViewsChanged: (views: LiveTurnView[]) => void;
}

/**
 * Turns the service's transcription fragments into conversation turns.
 * - Input fragments build the user's turn; it ends when the model starts answering (its first
 *   output fragment or audio), or at the end of the session. Fragments arriving within
 *   LATE_INPUT_MS of the answer, with no new utterance in the mic, are appended to it; it reaches
 *   the queue after that window (or when the answer closes, whichever is first).
 * - Output fragments and audio build the model's turn; it closes on `turnComplete` or
 *   `interrupted`. Speech during a model turn opens a new user turn (a barge-in).
 * - A spoken user turn starts where its voice started (the first voiced mic chunk after a pause),
 *   not where its first transcription fragment arrived.
 * - Latency of a model turn: end of the user's speech (the later of the last voiced mic chunk
 *   and the last input fragment, or a typed message) → the model's first audio.
 * All times are ms on one monotonic clock; offsets are relative to `sessionStart`.
 */
export class TranscriptAssembler {
  private views: LiveTurnView[] = [];
  private user: OpenTurn | null = null;
  private model: OpenTurn | null = null;
  private lastUserSpeechAt: number | null = null;
  /**
   * When the utterance the next user turn will hold began: its transcription arrives only as
   * (or after) the user finishes, but replay must start the line where the voice starts.
   */
  private speechStartedAt: number | null = null;
  private lastStartedAt: number | null = null;
  private firstAudioSeen = false;
  /**
   * The service sends usage metadata after `turnComplete`, so a closed model turn is held back
   * until its usage arrives, the conversation moves on, or USAGE_GRACE_MS pass (`tick`).
   */
  private settling: { record: ClosedTurn; closedAt: number } | null = null;
  /** Usage that arrived with no model turn to take it: counted with the next one, so totals stay right. */
  private carriedUsage: Usage | null = null;
  /** The user's turn before the open answer, still taking late fragments until `until`. */
  private heldUser: { turn: OpenTurn; endedAt: number; until: number } | null = null;
  /** The mic heard a new utterance since the answer began: fragments now are a barge-in. */
  private voiceSinceAnswer = false;

  constructor(
    private readonly sessionStart: number,
    private readonly listener: AssemblerListener,
  ) {}

  get turns(): LiveTurnView[] {
    return this.views;
  }

  /** A mic chunk with voice in it: the user is (still) speaking. */
  userSpeech(now: number): void {
    const paused = this.lastUserSpeechAt === null || now - this.lastUserSpeechAt > SPEECH_GAP_MS;
    if (this.model && paused) this.voiceSinceAnswer = true;
    if (!this.user && (this.speechStartedAt === null || paused)) this.speechStartedAt = now;
    this.lastUserSpeechAt = now;
  }

  inputTranscription(text: string, now: number): void {
    if (!text) return;
    const held = this.heldUser;
    if (held && !this.user && !this.voiceSinceAnswer && now <= held.until) {
      this.append(held.turn, text);
      return;
    }
    this.releaseHeldUser();
    this.lastUserSpeechAt = now;
    // Never before the turn ahead of it: replay finds the lit line by start time, in order.
    this.user ??= this.open("user", Math.max(Math.min(this.speechStartedAt ?? now, now), this.lastStartedAt ?? 0));
    this.append(this.user, text);
  }

  /** A message the user typed: a complete user turn on its own. */
  userText(text: string, now: number): void {
    this.closeUser(now);
    this.user = this.open("user", now);
    this.append(this.user, text);
    this.closeUser(now);
    this.lastUserSpeechAt = now;
  }

  outputTranscription(text: string, now: number): void {
    if (!text) return;
    this.append(this.ensureModel(now), text);
  }

  modelAudio(now: number): void {
    const turn = this.ensureModel(now);
    if (this.firstAudioSeen) return;
    this.firstAudioSeen = true;
    if (this.lastUserSpeechAt !== null) this.patch(turn, { latencyMs: Math.min(600_000, Math.max(0, Math.round(now - this.lastUserSpeechAt))) });
  }

  usage(usage: Usage): void {
    if (this.model) {
      this.model.usageSeen = true;
      if (usage.promptTokenCount !== undefined) this.model.inputTokens = usage.promptTokenCount;
      if (usage.responseTokenCount !== undefined) this.model.outputTokens = usage.responseTokenCount;
    } else if (this.settling) {
      const { record } = this.settling;
      if (usage.promptTokenCount !== undefined) record.inputTokens = usage.promptTokenCount;
      if (usage.responseTokenCount !== undefined) record.outputTokens = usage.responseTokenCount;
      this.deliverSettling();
    } else {
      this.carriedUsage = usage;
    }
  }

  /** Called regularly: lets a model turn whose usage never came go to the queue. */
  tick(now: number): void {
    if (this.heldUser && now > this.heldUser.until) this.releaseHeldUser();
    if (this.settling && now - this.settling.closedAt >= USAGE_GRACE_MS) this.deliverSettling();
  }

  turnComplete(now: number): void {
    this.closeModel(now, false);
  }

  /** `heardMs`: how much of this turn's audio was played before the player stopped. */
  interrupted(now: number, heardMs: number | null = null): void {
    this.closeModel(now, true, heardMs);
  }

  /** Session end: whatever is still open is closed as it stands. */
  flush(now: number): void {
    this.closeModel(now, false);
    this.deliverSettling();
    this.closeUser(now);
  }

  private ensureModel(now: number): OpenTurn {
    if (this.model) return this.model;
    // The model starts answering: the user's turn is over, though late fragments may still join it.
    this.deliverSettling();
    if (this.user) {
      this.patch(this.user, { final: true });
      this.heldUser = { turn: this.user, endedAt: now, until: now + LATE_INPUT_MS };
      this.user = null;
      this.speechStartedAt = null;
    }
    this.voiceSinceAnswer = false;
    this.model = this.open("model", now);
    this.firstAudioSeen = false;
    if (this.carriedUsage) {
      const carried = this.carriedUsage;
      this.carriedUsage = null;
      this.model.inputTokens = carried.promptTokenCount ?? null;
      this.model.outputTokens = carried.responseTokenCount ?? null;
    }
    return this.model;
  }

  private open(sender: "user" | "model", now: number): OpenTurn {
    const index = this.views.length;
    const view: LiveTurnView = { id: `${sender}-${index}`, sender, text: "", final: false, interrupted: false, latencyMs: null };
    this.views = [...this.views, view];
    this.lastStartedAt = now;
    return { index, startedAt: now, inputTokens: null, outputTokens: null, usageSeen: false };
  }

  private releaseHeldUser(): void {
    const held = this.heldUser;
    if (!held) return;
    this.heldUser = null;
    this.emit(held.turn, held.endedAt, false);
  }

  private closeUser(now: number): void {
    this.releaseHeldUser();
    if (!this.user) return;
    const turn = this.user;
    this.user = null;
    this.speechStartedAt = null;
    this.emit(turn, now, false);
  }

  private closeModel(now: number, interrupted: boolean, heardMs: number | null = null): void {
    // The turn before the answer is queued before the answer.
    this.releaseHeldUser();
    if (!this.model) return;
    const turn = this.model;
    this.model = null;
    this.firstAudioSeen = false;
    this.emit(turn, now, interrupted, heardMs);
  }

  private emit(turn: OpenTurn, now: number, interrupted: boolean, heardMs: number | null = null): void {
    const view = this.patch(turn, { final: true, interrupted });
    const record: ClosedTurn = {
      sender: view.sender,
      text: view.text.trim().slice(0, MAX_TURN_TEXT),
      startOffsetMs: this.offset(turn.startedAt),
      endOffsetMs: this.offset(Math.max(now, turn.startedAt)),
      latencyMs: view.latencyMs,
      interrupted,
      inputTokens: turn.inputTokens,
      outputTokens: turn.outputTokens,
      ...(interrupted ? { heardMs } : {}),
    };
    // Sequence numbers follow the order turns reach the queue: an earlier held-back turn goes first.
    this.deliverSettling();
    if (view.sender === "model" && !turn.usageSeen) this.settling = { record, closedAt: now };
    else this.listener.onTurnClosed(record);
  }

  private deliverSettling(): void {
    if (!this.settling) return;
    const { record } = this.settling;
    this.settling = null;
    this.listener.onTurnClosed(record);
  }

  private offset(at: number): number {
    return Math.max(0, Math.round(at - this.sessionStart));
  }

  private append(turn: OpenTurn, text: string): void {
    this.patch(turn, { text: this.views[turn.index]!.text + text });
  }

  /** Views are immutable: a changed turn is a new object in a new array, so React sees it. */
  private patch(turn: OpenTurn, changes: Partial<LiveTurnView>): LiveTurnView {
    const view = { ...this.views[turn.index]!, ...changes };
    this.views = this.views.with(turn.index, view);
    this.listener.onViewsChanged(this.views);
    return view;
  }
}
