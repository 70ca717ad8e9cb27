/*
 * The timing half of playback, free of Web Audio so it can be tested: where each chunk of model
 * audio goes on the AudioContext clock, and how much of it has been heard by a given moment.
 *
 * The jitter buffer sizes itself from what the network does. Each chunk's transit (arrival time
 * minus its place in the turn's audio) is compared with the earliest transit of the turn; the
 * difference, its relative delay, is how late that chunk came compared with the best case. A
 * turn waits, before its first sound, for a high quantile of recent relative delays: long enough
 * that nearly every chunk arrives before it is due, no longer. When a chunk is late anyway, the
 * turn resumes as soon as the chunks that follow can keep up: a late chunk's own relative delay
 * is already near the top, so little more buffer is needed after it.
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
 * The share of chunks the buffer is sized to be on time for. The rest come a few ms late and
 * cost a short faded gap; sizing for all of them would add the whole tail to every turn's start.
 */
const QUANTILE = 0.95;
/**
 * Added to the quantile: a chunk arriving at the edge of the buffer then still comes before the
 * previous chunk's pre-emptive fade-out (AudioPlayer's FADE_SECONDS) begins, so it is not dipped.
 */
const LEAD_SECONDS = 0.003;

interface Segment {
  start: number;
  end: number;
  turn: number;
}

export interface Placement {
  /** Context time at which the chunk starts. */
  start: number;
  /** It does not follow the previous chunk directly: a turn's first sound, or after an underrun. */
  afterGap: boolean;
}

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
  schedule(now: number, duration: number): Placement {
    const relativeDelay = this.observe(now, duration);
    const afterGap = !(this.nextStart > now);
    const start = afterGap ? now + this.waitAfterGap(relativeDelay) : this.nextStart;
    this.nextStart = start + duration;
    this.segments.push({ start, end: start + duration, turn: this.turn });
    this.totalScheduledSeconds += duration;
    this.prune(now);
    return { start, afterGap };
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
      this.totalScheduledSeconds -= s.end - s.start - played;
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

  /** The buffer to build before playing a chunk whose relative delay is `relativeDelay`. */
  private waitAfterGap(relativeDelay: number): number {
    if (this.relativeDelays.length < MIN_HISTORY) return this.initialJitterSeconds;
    const sorted = [...this.relativeDelays].sort((a, b) => a - b);
    const expected = sorted[Math.min(sorted.length - 1, Math.floor(QUANTILE * sorted.length))]!;
    return Math.min(MAX_JITTER_MS / 1000, Math.max(0, expected - relativeDelay) + LEAD_SECONDS);
  }

  private prune(now: number): void {
    const current = this.turn;
    const keep: Segment[] = [];
    for (const s of this.segments) {
      if (s.end <= now && s.turn !== current) this.settledSeconds += s.end - s.start;
      else keep.push(s);
    }
    this.segments = keep;
  }
}

function heard(segment: Segment, now: number): number {
  return Math.min(Math.max(now - segment.start, 0), segment.end - segment.start);
}
