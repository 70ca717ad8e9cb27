import { describe, expect, it } from "vitest";
import { lengthen, maxLengthening } from "./lengthen";

const RATE = 24_000;
const sine = (hz: number, length: number, phase = 0) =>
  Float32Array.from({ length }, (_, i) => 0.5 * Math.sin(phase + (2 * Math.PI * hz * i) / RATE));

/** The largest jump between neighbouring samples: a click shows up as one far above the signal's own. */
const largestStep = (x: Float32Array) => x.reduce((most, v, i) => (i ? Math.max(most, Math.abs(v - x[i - 1]!)) : most), 0);

describe("lengthen", () => {
  it("repeats whole pitch periods: a 200 Hz voice stays a seamless 200 Hz voice", () => {
    const chunk = sine(200, 960); // 40 ms, a period is 120 samples
    const out = lengthen(chunk, 100, RATE);
    expect(out.length - chunk.length).toBe(120);
    // Same pitch and no click: the result is the same sine, just longer.
    const longer = sine(200, out.length);
    expect(Math.max(...out.map((v, i) => Math.abs(v - longer[i]!)))).toBeLessThan(1e-4);
    expect(largestStep(out)).toBeLessThanOrEqual(largestStep(chunk) + 1e-6);
  });

  it("adds at least what was asked, within one period's choice, and ends on the chunk's last sample", () => {
    const chunk = sine(150, 960, 0.3); // period 160 samples
    const out = lengthen(chunk, 200, RATE);
    expect(out.length - chunk.length).toBeGreaterThanOrEqual(200);
    expect(out.length - chunk.length).toBeLessThanOrEqual(maxLengthening(960, RATE));
    expect(out.at(-1)).toBe(chunk.at(-1));
    expect(Array.from(out.subarray(0, 400))).toEqual(Array.from(chunk.subarray(0, 400)));
  });

  it("never clicks on sound that has no pitch (a cross-fade, not a splice)", () => {
    let seed = 1;
    const noise = Float32Array.from({ length: 960 }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2);
    const out = lengthen(noise, 240, RATE);
    expect(out.length).toBeGreaterThanOrEqual(1200);
    expect(largestStep(out)).toBeLessThanOrEqual(largestStep(noise) + 1e-6);
  });

  it("leaves chunks too short to stretch, and requests for nothing, as they are", () => {
    const tiny = sine(200, 100);
    expect(lengthen(tiny, 50, RATE)).toBe(tiny);
    const chunk = sine(200, 960);
    expect(lengthen(chunk, 0, RATE)).toBe(chunk);
    expect(maxLengthening(960, RATE)).toBe(400);
    expect(maxLengthening(600, RATE)).toBe(300);
  });
});
