import { base64ToBytes } from "./audio/base64";
import { pcm16BytesToFloat } from "./audio/pcm16";
import { DEFAULT_JITTER_MS, PlaybackScheduler } from "./playback-scheduler";

export const PLAYBACK_RATE = 24_000;

export interface PlayerCounters {
  audioChunksReceived: number;
  scheduledMs: number;
  playedMs: number;
}

/** The part of an AudioContext the player needs (a real one in the browser). */
export type PlaybackContext = Pick<BaseAudioContext, "currentTime" | "createBuffer" | "createBufferSource" | "destination">;

/**
 * Plays the model's 24 kHz PCM16 audio gap-free by scheduling AudioBufferSourceNodes back to
 * back on the context clock. `interrupt()` calls stop() on every queued node, which takes
 * effect at the next render quantum (≤ 128 frames, about 3 ms).
 */
export class AudioPlayer {
  private readonly scheduler: PlaybackScheduler;
  private sources = new Set<AudioBufferSourceNode>();
  private chunks = 0;
  private turnOpen = false;
  private readonly output: AudioNode;

  constructor(
    private readonly context: PlaybackContext,
    options: { jitterMs?: number; output?: AudioNode } = {},
  ) {
    this.scheduler = new PlaybackScheduler((options.jitterMs ?? DEFAULT_JITTER_MS) / 1000);
    this.output = options.output ?? context.destination;
  }

  /** Schedules one base64 chunk; returns the context time at which it starts playing. */
  enqueue(base64: string, mimeType = `audio/pcm;rate=${PLAYBACK_RATE}`): number {
    const samples = pcm16BytesToFloat(base64ToBytes(base64));
    this.chunks += 1;
    if (samples.length === 0) return this.context.currentTime;
    if (!this.turnOpen) {
      this.scheduler.nextTurn();
      this.turnOpen = true;
    }
    const rate = rateOf(mimeType);
    const buffer = this.context.createBuffer(1, samples.length, rate);
    buffer.getChannelData(0).set(samples);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output);
    const start = this.scheduler.schedule(this.context.currentTime, samples.length / rate);
    source.onended = () => this.sources.delete(source);
    this.sources.add(source);
    source.start(start);
    return start;
  }

  /** The model finished its turn; audio still queued plays on. */
  endTurn(): void {
    this.turnOpen = false;
  }

  /** Stops playback now; returns the ms of the current model turn that were heard. */
  interrupt(): number {
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // A node that already ended throws on stop(); nothing left to silence.
      }
      source.disconnect();
    }
    this.sources.clear();
    this.turnOpen = false;
    return Math.round(this.scheduler.interrupt(this.context.currentTime) * 1000);
  }

  /** ms of the current (or last) model turn heard so far. */
  heardInTurnMs(): number {
    return Math.round(this.scheduler.heardInTurn(this.context.currentTime) * 1000);
  }

  get isPlaying(): boolean {
    return this.scheduler.bufferedAhead(this.context.currentTime) > 0;
  }

  counters(): PlayerCounters {
    const now = this.context.currentTime;
    return {
      audioChunksReceived: this.chunks,
      scheduledMs: Math.round(this.scheduler.scheduledSeconds * 1000),
      playedMs: Math.round(this.scheduler.heardTotal(now) * 1000),
    };
  }
}

function rateOf(mimeType: string): number {
  const match = /rate=(\d+)/.exec(mimeType);
  const rate = match ? Number(match[1]) : PLAYBACK_RATE;
  return rate >= 3000 && rate <= 768_000 ? rate : PLAYBACK_RATE;
}
