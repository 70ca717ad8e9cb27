import { base64ToBytes } from "./audio/base64";
import { lengthen } from "./audio/lengthen";
import { pcm16BytesToFloat } from "./audio/pcm16";
import { DEFAULT_JITTER_MS, PlaybackScheduler } from "./playback-scheduler";

export const PLAYBACK_RATE = 24_000;
/**
 * Length of the fade into and out of a gap: long enough that the cut does not click, short
 * enough not to dull the voice.
 */
export const FADE_SECONDS = 0.002;

export interface PlayerCounters {
  audioChunksReceived: number;
  scheduledMs: number;
  playedMs: number;
}

/** The part of an AudioContext the player needs (a real one in the browser). */
export type PlaybackContext = Pick<BaseAudioContext, "currentTime" | "createBuffer" | "createBufferSource" | "createGain" | "destination">;

/** The last chunk queued: its fade-out is called off if the next chunk arrives in time. */
interface Tail {
  gain: AudioParam;
  fadeFrom: number;
}

/**
 * Plays the model's 24 kHz PCM16 audio gap-free by scheduling AudioBufferSourceNodes back to
 * back on the context clock. Every chunk fades out over its last few ms unless the next chunk
 * arrives in time to follow it, and a chunk after a gap fades in, so an underrun the jitter
 * buffer could not avoid sounds like a short pause rather than a click. `interrupt()` calls
 * stop() on every queued node, which takes effect at the next render quantum (≤ 128 frames,
 * about 3 ms).
 */
export class AudioPlayer {
  private readonly scheduler: PlaybackScheduler;
  private sources = new Map<AudioBufferSourceNode, GainNode>();
  private chunks = 0;
  private turnOpen = false;
  private tail: Tail | null = null;
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
    let samples = pcm16BytesToFloat(base64ToBytes(base64));
    this.chunks += 1;
    const now = this.context.currentTime;
    if (samples.length === 0) return now;
    if (!this.turnOpen) {
      this.scheduler.nextTurn();
      this.turnOpen = true;
    }
    const rate = rateOf(mimeType);
    const { start, afterGap } = this.scheduler.schedule(now, samples.length / rate, (seconds) => {
      const before = samples.length;
      samples = lengthen(samples, seconds * rate, rate);
      return (samples.length - before) / rate;
    });
    const duration = samples.length / rate;
    const buffer = this.context.createBuffer(1, samples.length, rate);
    buffer.getChannelData(0).set(samples);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    const gain = this.context.createGain();
    source.connect(gain);
    gain.connect(this.output);

    // Under a third, so calling off the fade-out never touches the fade-in.
    const fade = Math.min(FADE_SECONDS, duration / 3);
    let fadeIn = afterGap;
    if (!afterGap && this.tail) {
      // Too late to call off a fade already under way (it would jump back: a click); let it
      // finish and fade this chunk in instead: a dip of a few ms, no silence.
      if (now < this.tail.fadeFrom) this.tail.gain.cancelScheduledValues(this.tail.fadeFrom);
      else fadeIn = true;
    }
    if (fadeIn) {
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(1, start + fade);
    }
    const end = start + duration;
    gain.gain.setValueAtTime(1, end - fade);
    gain.gain.linearRampToValueAtTime(0, end);
    this.tail = { gain: gain.gain, fadeFrom: end - fade };

    source.onended = () => {
      this.sources.delete(source);
      gain.disconnect();
    };
    this.sources.set(source, gain);
    source.start(start);
    return start;
  }

  /** The model finished its turn; audio still queued plays on. */
  endTurn(): void {
    this.turnOpen = false;
  }

  /** Stops playback now; returns the ms of the current model turn that were heard. */
  interrupt(): number {
    for (const [source, gain] of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // A node that already ended throws on stop(); nothing left to silence.
      }
      source.disconnect();
      gain.disconnect();
    }
    this.sources.clear();
    this.tail = null;
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
