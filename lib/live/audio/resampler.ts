/*
 * Streaming linear-interpolation resampler (e.g. 48 kHz capture → 16 kHz for Gemini).
 * It keeps the fractional read position and the last input sample between calls, so
 * consecutive 128-sample render quanta resample exactly as one long buffer would.
 */
export class StreamingResampler {
  private readonly step: number;
  /** Read position relative to the start of the next input block; may be negative (−1 < pos < 0 means "between the carried sample and input[0]"). */
  private position = 0;
  private previous = 0;
  private hasPrevious = false;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    if (!(inputRate > 0) || !(outputRate > 0)) throw new RangeError("sample rates must be positive");
    this.step = inputRate / outputRate;
  }

  process(input: Float32Array): Float32Array {
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
      const left = index < 0 ? (this.hasPrevious ? this.previous : input[0]!) : input[index]!;
      const right = index + 1 < length ? input[index + 1]! : left;
      out[written++] = frac === 0 ? left : left + (right - left) * frac;
      pos += this.step;
    }
    this.position = pos - length;
    this.previous = input[length - 1]!;
    this.hasPrevious = true;
    return out.subarray(0, written);
  }

  reset(): void {
    this.position = 0;
    this.hasPrevious = false;
    this.previous = 0;
  }
}
