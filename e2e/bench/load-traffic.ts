import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { BrowserClient, Reply } from "./load-client";

/*
 * What one live conversation sends to our server while the person talks (DESIGN §6): a closed
 * turn every 3–5 s (user and model in turn), a 3 s recorded audio segment (MediaRecorder's
 * timeslice, about 12 kB of Opus), and a heartbeat every 60 s. As in the browser, each kind is
 * sent one request at a time: turns that close while a batch is in flight go in the next batch,
 * and a write's time runs from the moment it was due (so a slow server cannot hide its queue).
 */

export type Kind = "turn" | "segment" | "heartbeat";

export interface Sample {
  kind: Kind;
  /** Due → acknowledged, ms. */
  ms: number;
  ok: boolean;
  /** Why it failed: the HTTP status, the action's error code, or the network error. */
  failure?: string;
}

export interface ActionIds {
  markActive: string;
}

const TURN_EVERY_MS: [number, number] = [3000, 5000];
const SEGMENT_EVERY_MS = 3000;
const SEGMENT_BYTES = 12_000;
const HEARTBEAT_EVERY_MS = 60_000;
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const SEGMENT_BODY = randomBytes(SEGMENT_BYTES);

const USER_LINES = ["How are you today?", "Can you tell me more about that?", "What should I cook tonight with some leftover rice?", "That sounds good, thanks."];
const MODEL_LINE =
  "Happy to help. Leftover rice is perfect for fried rice: heat a pan until it is very hot, add a little oil, the rice, an egg and whatever vegetables you have, then season with soy sauce.";

const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);

/** One request of a kind at a time; what comes due meanwhile waits for the next one. */
class Lane<T> {
  private waiting: { due: number; item: T }[] = [];
  private busy = false;

  constructor(
    private readonly kind: Kind,
    private readonly batch: number,
    private readonly send: (items: T[]) => Promise<string | null>,
    private readonly record: (sample: Sample) => void,
  ) {}

  push(item: T): void {
    this.waiting.push({ due: performance.now(), item });
    void this.pump();
  }

  get idle(): boolean {
    return !this.busy && this.waiting.length === 0;
  }

  private async pump(): Promise<void> {
    if (this.busy || this.waiting.length === 0) return;
    this.busy = true;
    const taken = this.waiting.splice(0, this.batch);
    const failure = await this.send(taken.map((entry) => entry.item)).catch((error: Error) => `network: ${error.message}`);
    const done = performance.now();
    for (const entry of taken) this.record({ kind: this.kind, ms: done - entry.due, ok: failure === null, ...(failure === null ? {} : { failure }) });
    this.busy = false;
    void this.pump();
  }
}

export class SimulatedConversation {
  private nextTurn = 0;
  private nextSegment = 0;
  private readonly startedAt = performance.now();
  private readonly turns: Lane<number>;
  private readonly segments: Lane<number>;
  private readonly heartbeats: Lane<null>;
  private timers: ReturnType<typeof setTimeout>[] = [];

  constructor(
    private readonly client: BrowserClient,
    readonly sessionId: string,
    private readonly actions: ActionIds,
    record: (sample: Sample) => void,
  ) {
    const failure = (reply: Reply) => (reply.status >= 200 && reply.status < 300 ? null : `HTTP ${reply.status}`);
    this.turns = new Lane("turn", 50, async (numbers) => failure(await this.client.postJson(`/api/live/sessions/${sessionId}/turns`, { turns: numbers.map((n) => this.turn(n)) })), record);
    this.segments = new Lane("segment", 1, async ([n]) => failure(await this.postSegment(n!)), record);
    this.heartbeats = new Lane("heartbeat", 1, async () => {
      const reply = await this.client.action("/live", this.actions.markActive, { sessionId });
      return failure(reply) ?? (reply.result?.ok === true ? null : `action ${reply.result?.error?.code ?? "without a result"}`);
    }, record);
  }

  /** Talks until `until` (performance.now() ms), `speed` times faster than a person. */
  talk(until: number, speed: number): void {
    const every = (lane: () => void, period: () => number, firstIn: number) => {
      const tick = (delay: number) => {
        if (performance.now() + delay >= until) return;
        this.timers.push(setTimeout(() => {
          lane();
          tick(period() / speed);
        }, delay));
      };
      tick(firstIn);
    };
    // Conversations started at different moments: each kind begins at a random phase.
    every(() => this.turns.push(this.nextTurn++), () => between(TURN_EVERY_MS), (Math.random() * TURN_EVERY_MS[1]) / speed);
    every(() => this.segments.push(this.nextSegment++), () => SEGMENT_EVERY_MS, (Math.random() * SEGMENT_EVERY_MS) / speed);
    every(() => this.heartbeats.push(null), () => HEARTBEAT_EVERY_MS, (Math.random() * HEARTBEAT_EVERY_MS) / speed);
  }

  get idle(): boolean {
    return this.turns.idle && this.segments.idle && this.heartbeats.idle;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private turn(sequenceNumber: number) {
    const user = sequenceNumber % 2 === 0;
    const at = Math.round(performance.now() - this.startedAt);
    return {
      sequenceNumber,
      sender: user ? "user" : "model",
      text: user ? USER_LINES[(sequenceNumber / 2) % USER_LINES.length]! : MODEL_LINE,
      startOffsetMs: Math.max(0, at - 2500),
      endOffsetMs: at,
      latencyMs: user ? null : 600 + (sequenceNumber % 7) * 40,
      interrupted: false,
      inputTokens: user ? null : 120,
      outputTokens: user ? null : 90,
    };
  }

  private postSegment(sequenceNumber: number): Promise<Reply> {
    // The first segment opens the WebM container; later ones continue its clusters.
    const body = sequenceNumber === 0 ? Buffer.concat([EBML, SEGMENT_BODY]) : SEGMENT_BODY;
    return this.client.post(`/api/live/sessions/${this.sessionId}/media/audio`, body, {
      "content-type": "audio/webm;codecs=opus",
      "x-sequence-number": String(sequenceNumber),
      "x-start-offset-ms": String(sequenceNumber * SEGMENT_EVERY_MS),
      "x-duration-ms": String(SEGMENT_EVERY_MS),
    });
  }
}
