import { bytesToBase64 } from "@/lib/live/audio/base64";
import { pcm16ToBytes } from "@/lib/live/audio/pcm16";
import { AudioPlayer, PLAYBACK_RATE, type PlaybackContext } from "@/lib/live/audio-player";

/*
 * Model audio arriving the way the Live service sends it, played through the real AudioPlayer on
 * a fake Web Audio clock, and what a listener would hear: gaps, how they start and end, and how
 * long each turn waited before its first sound. Shared by the playback-jitter benchmark and the
 * player's unit tests, so both judge the same thing.
 *
 * The arrival model: the service produces audio in real time in chunks of 25–62 ms (what it was
 * seen to send); each chunk's network delay varies by ±jitter (uniform) around a constant; TCP
 * keeps order, so a chunk never arrives before the one ahead of it. The page reads
 * `AudioContext.currentTime`, which in Chromium moves in steps of about 10 ms (measured in
 * headless Chromium: 384–512 frames at 44.1 kHz), coarser than the 128-frame render quantum:
 * a chunk must arrive before the step that renders its start.
 */

export const CHROMIUM_CLOCK_STEP_SECONDS = 0.01;

/** A small seeded generator (mulberry32): the same seed gives the same arrivals on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Arrival {
  /** Seconds on the page's clock. */
  at: number;
  samples: number;
  turn: number;
  lastOfTurn: boolean;
}

export interface ArrivalOptions {
  jitterMs: number;
  turns: number;
  seed?: number;
  /** Seconds of speech per turn, drawn between these. */
  turnSeconds?: [number, number];
  chunkMs?: [number, number];
}

export function jitteredArrivals({ jitterMs, turns, seed = 1, turnSeconds = [2, 8], chunkMs = [25, 62] }: ArrivalOptions): Arrival[] {
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]) => low + (high - low) * random();
  const arrivals: Arrival[] = [];
  let turnStart = 0.5;
  let last = 0;
  for (let turn = 0; turn < turns; turn++) {
    const length = between(turnSeconds);
    let produced = 0;
    while (produced < length) {
      const samples = Math.round((between(chunkMs) / 1000) * PLAYBACK_RATE);
      const nominal = turnStart + produced;
      last = Math.max(last, nominal + ((2 * random() - 1) * jitterMs) / 1000);
      produced += samples / PLAYBACK_RATE;
      arrivals.push({ at: last, samples, turn, lastOfTurn: produced >= length });
    }
    turnStart = Math.max(turnStart + length, last) + between([1, 3]);
  }
  return arrivals;
}

interface AutomationEvent {
  kind: "set" | "ramp";
  value: number;
  time: number;
}

class FakeParam {
  events: AutomationEvent[] = [];
  value = 1;
  setValueAtTime(value: number, time: number) {
    this.events.push({ kind: "set", value, time });
    return this;
  }
  linearRampToValueAtTime(value: number, time: number) {
    this.events.push({ kind: "ramp", value, time });
    return this;
  }
  cancelScheduledValues(time: number) {
    this.events = this.events.filter((e) => e.time < time);
    return this;
  }
}

export class FakeGain {
  readonly gain = new FakeParam();
  connect() {}
  disconnect() {}
}

export class FakeSource {
  buffer: { duration: number; getChannelData: (channel: number) => Float32Array } | null = null;
  /** When it really starts: Web Audio plays a start time in the past at once. */
  startedAt: number | null = null;
  stopped = false;
  onended: (() => void) | null = null;
  outputs: unknown[] = [];
  constructor(private readonly clock: FakeClock) {}
  connect(node: unknown) {
    this.outputs.push(node);
    return node;
  }
  disconnect() {}
  start(when = 0) {
    this.startedAt = Math.max(when, this.clock.currentTime);
  }
  stop() {
    this.stopped = true;
  }
  get gain(): FakeParam | null {
    const node = this.outputs.find((o): o is FakeGain => o instanceof FakeGain);
    return node?.gain ?? null;
  }
}

interface FakeClock {
  currentTime: number;
}

/** A stand-in for the AudioContext the player schedules on; `currentTime` is set by the caller. */
export function fakePlaybackContext() {
  const sources: FakeSource[] = [];
  const clock: FakeClock = { currentTime: 0 };
  // Samples written into a buffer are never read back: one scratch array serves them all.
  let scratch = new Float32Array(0);
  const context = {
    get currentTime() {
      return clock.currentTime;
    },
    set currentTime(value: number) {
      clock.currentTime = value;
    },
    destination: {},
    createBuffer: (_channels: number, length: number, rate: number) => {
      if (scratch.length < length) scratch = new Float32Array(length);
      return { duration: length / rate, getChannelData: () => scratch.subarray(0, length) };
    },
    createBufferSource: () => {
      const source = new FakeSource(clock);
      sources.push(source);
      return source;
    },
    createGain: () => new FakeGain(),
  };
  return { context, clock, sources, playback: context as unknown as PlaybackContext };
}

/** Does the source's own gain ramp down to 0 at its end / up from 0 at its start? */
export function fadesOut(source: FakeSource): boolean {
  const end = (source.startedAt ?? 0) + (source.buffer?.duration ?? 0);
  return source.gain?.events.some((e) => e.kind === "ramp" && e.value === 0 && Math.abs(e.time - end) < 1e-6) ?? false;
}

export function fadesIn(source: FakeSource): boolean {
  const start = source.startedAt ?? 0;
  return source.gain?.events.some((e) => e.kind === "set" && e.value === 0 && Math.abs(e.time - start) < 1e-6) ?? false;
}

export interface Heard {
  speechSeconds: number;
  gaps: number;
  silenceSeconds: number;
  /** Gaps entered or left without a fade. */
  hardCuts: number;
  /** Back-to-back chunks joined by a fade-out and a fade-in: a dip of a few ms, no silence. */
  dips: number;
  /** Per turn: first chunk's arrival → it starts playing, seconds. */
  startDelays: number[];
}

const encoded = new Map<number, string>();
/** A chunk of steady sound `samples` long, base64 PCM16 as the service sends it (cached by length). */
function chunkOf(samples: number): string {
  let chunk = encoded.get(samples);
  if (!chunk) encoded.set(samples, (chunk = bytesToBase64(pcm16ToBytes(new Int16Array(samples).fill(8000)))));
  return chunk;
}

/** Plays `arrivals` through a fresh AudioPlayer and reports what would be heard. */
export function playThrough(arrivals: Arrival[], clockStep = CHROMIUM_CLOCK_STEP_SECONDS): Heard {
  const { context, sources, playback } = fakePlaybackContext();
  const player = new AudioPlayer(playback);
  const turnOf = new Map<FakeSource, Arrival>();
  for (const arrival of arrivals) {
    context.currentTime = Math.floor(arrival.at / clockStep) * clockStep;
    player.enqueue(chunkOf(arrival.samples));
    turnOf.set(sources.at(-1)!, arrival);
    if (arrival.lastOfTurn) player.endTurn();
  }
  const heard: Heard = { speechSeconds: 0, gaps: 0, silenceSeconds: 0, hardCuts: 0, dips: 0, startDelays: [] };
  let previous: FakeSource | null = null;
  for (const source of sources) {
    const arrival = turnOf.get(source)!;
    const start = source.startedAt ?? 0;
    heard.speechSeconds += source.buffer?.duration ?? 0;
    const previousArrival = previous ? turnOf.get(previous) : undefined;
    if (!previous || previousArrival?.turn !== arrival.turn) {
      heard.startDelays.push(start - arrival.at);
    } else {
      const silence = start - ((previous.startedAt ?? 0) + (previous.buffer?.duration ?? 0));
      if (silence > 1e-6) {
        heard.gaps += 1;
        heard.silenceSeconds += silence;
        if (!fadesOut(previous) || !fadesIn(source)) heard.hardCuts += 1;
      } else if (fadesOut(previous) && fadesIn(source)) {
        heard.dips += 1;
      }
    }
    previous = source;
  }
  return heard;
}
