/*
 * The timing half of playback, free of Web Audio so it can be tested: where each chunk of model
 * audio goes on the AudioContext clock, and how much of it has been heard by a given moment.
 *
 * The jitter buffer sizes itself from what the network does. Each chunk's transit (arrival time
 * minus its place in the turn's audio) is compared with the earliest transit of the turn; the
 * difference, its relative delay, is how late that chunk came compared with the best case. The
 * buffer a turn needs is a high quantile of recent relative delays: enough that the chunks that
 * follow arrive before they are due.
 *
 * A turn does not wait for all of that before its first sound: it waits at most START_WAIT and
 * lengthens its first chunks (AudioPlayer repeats a pitch period, see audio/lengthen.ts) until
 * the buffer is built, so the start stays quick and the voice does not break when a later chunk
 * comes at the far edge of the jitter.
 */

/** The wait before the first turn's first sound, before any jitter has been seen. */
export const DEFAULT_JITTER_MS = 40;
/** Longest wait a turn is ever given, however bad the network. */
const MAX_JITTER_MS = 150;
/** Relative delays remembered: about 15 s of speech in 40 ms chunks. */
const HISTORY = 400;
/** Fewer observations than this say too little; the default is used. */
const MIN_HISTORY = 20;
/**
 * The share of chunks the buffer is sized to be on time for. The buffer is built by lengthening
 * chunks, not by delaying the start, so it can cover nearly the whole tail.
 */
const QUANTILE = 0.99;
/**
 * Added to the quantile: a chunk arriving at the edge of the buffer then still comes before the
 * previous chunk's pre-emptive fade-out (AudioPlayer's FADE_SECONDS) begins, so it is not dipped.
 */
const LEAD_SECONDS = 0.003;
/** Longest wait before a turn's first sound (or after an underrun); lengthening builds the rest. */
const START_WAIT_SECONDS = 0.03;

interface Segment {
  start: number;
  end: number;
  turn: number;
  /** Seconds of the model's audio per second played: below 1 for a lengthened chunk. */
  scale: number;
}

export interface Placement {
  /** Context time at which the chunk starts. */
  start: number;
  /** It does not follow the previous chunk directly: a turn's first sound, or after an underrun. */
  afterGap: boolean;
  /** Seconds the chunk was lengthened by (the `lengthen` callback's answer). */
  added: number;
}

/**
 * Asked to lengthen the chunk being placed by about `seconds`; answers the seconds it really
 * added (0 if it cannot).
 */
export type Lengthen = (seconds: number) => number;

export class PlaybackScheduler {
  private nextStart = 0;
  private segments: Segment[] = [];
  private turn = 0;
  /** Heard seconds of segments already dropped from `segments`. */
  private settledSeconds = 0;
  private totalScheduledSeconds = 0;
  /** Seconds of this turn's audio that arrived before the current chunk. */
  private turnAudio = 0;
  private turnMinTransit = Number.POSITIVE_INFINITY;
  private relativeDelays: number[] = [];

  constructor(private readonly initialJitterSeconds = DEFAULT_JITTER_MS / 1000) {}

  /**
   * Where a chunk of `duration` seconds arriving at `now` starts: right after the audio queued
   * ahead of it, or, after a gap, once enough buffer has built up for the chunks that follow.
   */
  schedule(now: number, duration: number, lengthen?: Lengthen): Placement {
    const relativeDelay = this.observe(now, duration);
    const needed = this.neededBuffer();
    const afterGap = !(this.nextStart > now);
    const start = afterGap ? now + Math.min(START_WAIT_SECONDS, Math.max(0, needed - relativeDelay)) : this.nextStart;
    // The next chunk, if as late as the buffer allows for, arrives at `due`; it must find audio
    // queued. After an underrun the late chunk plays at once (its lateness was the wait), and the
    // buffer is rebuilt in case the next chunks keep its pace.
    const due = Math.max(this.turnMinTransit + this.turnAudio + needed, now + duration + Math.min(needed, START_WAIT_SECONDS));
    const short = due - (start + duration);
    const added = short > 0 && lengthen ? Math.max(0, lengthen(short)) : 0;
    const end = start + duration + added;
    this.nextStart = end;
    this.segments.push({ start, end, turn: this.turn, scale: duration / (duration + added) });
    this.totalScheduledSeconds += duration;
    this.prune(now);
    return { start, afterGap, added };
  }

  /** The model started a new turn: later chunks count towards it, and its timing starts afresh. */
  nextTurn(): void {
    this.turn += 1;
    this.turnAudio = 0;
    this.turnMinTransit = Number.POSITIVE_INFINITY;
  }

  /** Seconds of the current turn's audio heard by `now`. */
  heardInTurn(now: number): number {
    return this.segments.filter((s) => s.turn === this.turn).reduce((sum, s) => sum + heard(s, now), 0);
  }

  /** Seconds of all audio heard by `now`. */
  heardTotal(now: number): number {
    return this.settledSeconds + this.segments.reduce((sum, s) => sum + heard(s, now), 0);
  }

  get scheduledSeconds(): number {
    return this.totalScheduledSeconds;
  }

  /** Seconds still queued after `now`. */
  bufferedAhead(now: number): number {
    return Math.max(0, this.nextStart - now);
  }

  /**
   * Stops everything at `now`: what was not heard is dropped (and no longer counts as scheduled).
   * Returns the seconds of the current turn that were heard.
   */
  interrupt(now: number): number {
    const heardNow = this.heardInTurn(now);
    for (const s of this.segments) {
      const played = heard(s, now);
      this.totalScheduledSeconds -= (s.end - s.start) * s.scale - played;
      this.settledSeconds += played;
    }
    this.segments = [];
    this.nextStart = 0;
    return heardNow;
  }

  /** Records the chunk's relative delay and returns it. */
  private observe(now: number, duration: number): number {
    const transit = now - this.turnAudio;
    this.turnAudio += duration;
    this.turnMinTransit = Math.min(this.turnMinTransit, transit);
    const relativeDelay = transit - this.turnMinTransit;
    this.relativeDelays.push(relativeDelay);
    if (this.relativeDelays.length > HISTORY) this.relativeDelays.shift();
    return relativeDelay;
  }

  /** How late, relative to the turn's best case, a chunk may come and still be on time. */
  private neededBuffer(): number {
    if (this.relativeDelays.length < MIN_HISTORY) return this.initialJitterSeconds;
    const sorted = [...this.relativeDelays].sort((a, b) => a - b);
    const expected = sorted[Math.min(sorted.length - 1, Math.floor(QUANTILE * sorted.length))]!;
    return Math.min(MAX_JITTER_MS / 1000, expected + LEAD_SECONDS);
  }

  private prune(now: number): void {
    const current = this.turn;
    const keep: Segment[] = [];
    for (const s of this.segments) {
      if (s.end <= now && s.turn !== current) this.settledSeconds += (s.end - s.start) * s.scale;
      else keep.push(s);
    }
    this.segments = keep;
  }
}

/** Seconds of the model's audio in `segment` heard by `now`. */
function heard(segment: Segment, now: number): number {
  return Math.min(Math.max(now - segment.start, 0), segment.end - segment.start) * segment.scale;
}
