/*
 * A deliberately simple energy voice-activity detector. Time is counted in received samples,
 * never wall clock, so the result depends only on the audio the client sent (a slow or bursty
 * network cannot fake "quiet").
 */

export type VadEvent = "speechStart" | "speechEnd";

export interface VadOptions {
  /** RMS (full scale = 1) above which a 20 ms frame counts as voiced. */
  threshold?: number;
  /** Voiced time needed before speech is declared (ignores clicks). */
  minSpeechMs?: number;
  /** Quiet time after speech that ends the utterance. */
  silenceMs?: number;
}

const FRAME_MS = 20;

export class EnergyVad {
  private readonly threshold: number;
  private readonly minSpeechMs: number;
  private readonly silenceMs: number;
  private rate = 16_000;
  private frame: number[] = [];
  private voicedMs = 0;
  private quietMs = 0;
  private speaking = false;
  /** Total audio seen, in ms, for the recorder. */
  receivedMs = 0;

  constructor(options: VadOptions = {}) {
    this.threshold = options.threshold ?? 0.02;
    this.minSpeechMs = options.minSpeechMs ?? 60;
    this.silenceMs = options.silenceMs ?? 600;
  }

  get inSpeech(): boolean {
    return this.speaking;
  }

  /** Feeds little-endian PCM16 mono; returns the events this audio caused, in order. */
  push(pcm: Buffer, sampleRate: number): VadEvent[] {
    if (sampleRate !== this.rate) {
      this.rate = sampleRate;
      this.frame = [];
    }
    const frameSize = Math.round((this.rate * FRAME_MS) / 1000);
    const events: VadEvent[] = [];
    const samples = Math.floor(pcm.length / 2);
    this.receivedMs += (samples * 1000) / this.rate;
    for (let i = 0; i < samples; i += 1) {
      this.frame.push(pcm.readInt16LE(i * 2) / 32768);
      if (this.frame.length < frameSize) continue;
      const event = this.onFrame(this.frame);
      this.frame = [];
      if (event) events.push(event);
    }
    return events;
  }

  /** The client said its audio stream ended: an utterance in progress ends now. */
  flush(): VadEvent[] {
    this.frame = [];
    this.voicedMs = 0;
    this.quietMs = 0;
    if (!this.speaking) return [];
    this.speaking = false;
    return ["speechEnd"];
  }

  private onFrame(frame: number[]): VadEvent | null {
    const rms = Math.sqrt(frame.reduce((sum, x) => sum + x * x, 0) / frame.length);
    if (rms >= this.threshold) {
      this.quietMs = 0;
      this.voicedMs += FRAME_MS;
      if (!this.speaking && this.voicedMs >= this.minSpeechMs) {
        this.speaking = true;
        return "speechStart";
      }
      return null;
    }
    if (!this.speaking) {
      this.voicedMs = 0;
      return null;
    }
    this.quietMs += FRAME_MS;
    if (this.quietMs >= this.silenceMs) {
      this.speaking = false;
      this.voicedMs = 0;
      this.quietMs = 0;
      return "speechEnd";
    }
    return null;
  }
}
