import { describe, expect, it } from "vitest";
import { StreamingResampler } from "./resampler";

const ramp = (length: number) => Float32Array.from({ length }, (_, i) => i / 1000);

function resampleInChunks(resampler: StreamingResampler, input: Float32Array, chunk: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < input.length; i += chunk) out.push(...resampler.process(input.subarray(i, i + chunk)));
  return out;
}

describe("StreamingResampler", () => {
  it("48 kHz → 16 kHz picks every third sample exactly, across 128-sample quanta", () => {
    const input = ramp(128 * 6);
    const out = resampleInChunks(new StreamingResampler(48_000, 16_000), input, 128);
    expect(out).toHaveLength(256);
    out.forEach((value, i) => expect(value).toBe(input[i * 3]));
  });

  it("gives the same samples whether fed at once or in odd-sized pieces", () => {
    const input = Float32Array.from({ length: 4410 }, (_, i) => Math.sin(i / 7));
    const whole = Array.from(new StreamingResampler(44_100, 16_000).process(input));
    const pieces = resampleInChunks(new StreamingResampler(44_100, 16_000), input, 97);
    expect(pieces).toHaveLength(whole.length);
    pieces.forEach((value, i) => expect(value).toBeCloseTo(whole[i]!, 6));
  });

  it("44.1 kHz → 16 kHz interpolates linearly between neighbours", () => {
    const input = ramp(441);
    const out = new StreamingResampler(44_100, 16_000).process(input);
    expect(out).toHaveLength(160);
    const step = 44_100 / 16_000;
    out.forEach((value, i) => expect(value).toBeCloseTo((i * step) / 1000, 6));
  });

  it("keeps a constant signal constant and passes equal rates through", () => {
    const constant = new Float32Array(480).fill(0.25);
    expect(new Set(new StreamingResampler(48_000, 16_000).process(constant))).toEqual(new Set([0.25]));
    expect(Array.from(new StreamingResampler(16_000, 16_000).process(ramp(10)))).toEqual(Array.from(ramp(10)));
  });

  it("upsamples 16 kHz → 24 kHz with the expected length", () => {
    const out = resampleInChunks(new StreamingResampler(16_000, 24_000), ramp(1600), 160);
    expect(out.length).toBeGreaterThanOrEqual(2399);
    expect(out.length).toBeLessThanOrEqual(2400);
    expect(out[3]).toBeCloseTo(0.002, 6);
  });
});
