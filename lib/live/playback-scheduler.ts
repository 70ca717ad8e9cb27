/*
 * The timing half of playback, free of Web Audio so it can be tested: where each chunk of model
 * audio goes on the AudioContext clock, and how much of it has been heard by a given moment.
 */

export const DEFAULT_JITTER_MS = 40;

interface Segment {
  start: number;
  end: number;
  turn: number;
}

export class PlaybackScheduler {
  private nextStart = 0;
  private segments: Segment[] = [];
  private turn = 0;
  /** Heard seconds of segments already dropped from `segments`. */
  private settledSeconds = 0;
  private totalScheduledSeconds = 0;

  constructor(private readonly jitterSeconds = DEFAULT_JITTER_MS / 1000) {}

  /**
   * Where a chunk of `duration` seconds arriving at `now` starts. Back-to-back while audio is
   * queued; after a gap (first chunk, underrun) it waits a small jitter buffer so the next
   * chunk's network jitter does not cause another gap.
   */
  schedule(now: number, duration: number): number {
    const start = this.nextStart > now ? this.nextStart : now + this.jitterSeconds;
    this.nextStart = start + duration;
    this.segments.push({ start, end: start + duration, turn: this.turn });
    this.totalScheduledSeconds += duration;
    this.prune(now);
    return start;
  }

  /** The model started a new turn: later chunks count towards it. */
  nextTurn(): void {
    this.turn += 1;
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
