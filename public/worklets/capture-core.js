// @ts-check
/*
 * The capture path that runs inside the AudioWorklet: resample to 16 kHz, clamp to PCM16 LE,
 * cut into 20 ms chunks and measure their level. Plain JS because a worklet cannot
 * import TypeScript; the resampler is a twin of lib/live/audio/resampler.ts and a unit test
 * holds them sample-exact.
 */

export const TARGET_RATE = 16_000;
/**
 * 20 ms at 16 kHz: the chunk we send. A sound waits for the chunk it falls in to fill, so the
 * chunk length is the most capture adds before the sound leaves (40 ms chunks made it 40 ms at
 * p95). 50 messages a second of 640 base64 characters each; the Live API sets no minimum.
 */
export const CHUNK_SAMPLES = 320;
/** 40 ms at 16 kHz: the largest chunk the chunker cuts. */
export const MAX_CHUNK_SAMPLES = 640;

export class StreamingResampler {
  /**
   * @param {number} inputRate
   * @param {number} outputRate
   */
  constructor(inputRate, outputRate) {
    if (!(inputRate > 0) || !(outputRate > 0)) throw new RangeError("sample rates must be positive");
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    this.step = inputRate / outputRate;
    this.position = 0;
    this.previous = 0;
    this.hasPrevious = false;
  }

  /**
   * @param {Float32Array} input
   * @returns {Float32Array}
   */
  process(input) {
    if (this.inputRate === this.outputRate) return input.slice();
    const length = input.length;
    if (length === 0) return new Float32Array(0);
    const capacity = Math.ceil((length - this.position) / this.step) + 1;
    const out = new Float32Array(capacity);
    let written = 0;
    let pos = this.position;
    while (pos <= length - 1) {
      const index = Math.floor(pos);
      const frac = pos - index;
      const left = /** @type {number} */ (index < 0 ? (this.hasPrevious ? this.previous : input[0]) : input[index]);
      const right = index + 1 < length ? /** @type {number} */ (input[index + 1]) : left;
      out[written++] = frac === 0 ? left : left + (right - left) * frac;
      pos += this.step;
    }
    this.position = pos - length;
    this.previous = /** @type {number} */ (input[length - 1]);
    this.hasPrevious = true;
    return out.subarray(0, written);
  }

  reset() {
    this.position = 0;
    this.previous = 0;
    this.hasPrevious = false;
  }
}

/**
 * @param {number} sample
 * @returns {number}
 */
export function toPcm16(sample) {
  const clamped = sample > 1 ? 1 : sample < -1 ? -1 : sample;
  return clamped < 0 ? Math.round(clamped * 0x8000) : Math.round(clamped * 0x7fff);
}

/**
 * @typedef {{ pcm: ArrayBuffer, rms: number }} CaptureChunk
 *   pcm: little-endian PCM16 bytes at 16 kHz, at most MAX_CHUNK_SAMPLES samples; rms: 0..1
 */

export class CaptureChunker {
  /**
   * @param {number} inputRate the AudioContext's native rate
   * @param {number} [chunkSamples] samples per chunk at 16 kHz (≤ MAX_CHUNK_SAMPLES)
   */
  constructor(inputRate, chunkSamples = CHUNK_SAMPLES) {
    if (!(chunkSamples > 0) || chunkSamples > MAX_CHUNK_SAMPLES) throw new RangeError("chunk size must be 1..640 samples");
    this.resampler = new StreamingResampler(inputRate, TARGET_RATE);
    this.chunkSamples = chunkSamples;
    this.pending = new Float32Array(chunkSamples);
    this.filled = 0;
  }

  /**
   * Feeds one render quantum (any length); returns the chunks it completed.
   * @param {Float32Array} input
   * @returns {CaptureChunk[]}
   */
  push(input) {
    const resampled = this.resampler.process(input);
    /** @type {CaptureChunk[]} */
    const chunks = [];
    let offset = 0;
    while (offset < resampled.length) {
      const take = Math.min(this.chunkSamples - this.filled, resampled.length - offset);
      this.pending.set(resampled.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.chunkSamples) chunks.push(this.takeChunk());
    }
    return chunks;
  }

  /** Whatever is buffered, as a (shorter) chunk, or null. */
  flush() {
    return this.filled > 0 ? this.takeChunk() : null;
  }

  reset() {
    this.resampler.reset();
    this.filled = 0;
  }

  /** @returns {CaptureChunk} */
  takeChunk() {
    const count = this.filled;
    const pcm = new ArrayBuffer(count * 2);
    const view = new DataView(pcm);
    let sumSquares = 0;
    for (let i = 0; i < count; i++) {
      const sample = /** @type {number} */ (this.pending[i]);
      sumSquares += sample * sample;
      view.setInt16(i * 2, toPcm16(sample), true);
    }
    this.filled = 0;
    return { pcm, rms: Math.min(1, Math.sqrt(sumSquares / count)) };
  }
}
