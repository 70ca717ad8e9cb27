import { describe, expect, it } from "vitest";
import { CaptureChunker, CHUNK_SAMPLES, MAX_CHUNK_SAMPLES, StreamingResampler as WorkletResampler, toPcm16 } from "@/public/worklets/capture-core.js";
import { floatToPcm16 } from "./audio/pcm16";
import { StreamingResampler } from "./audio/resampler";

const signal = (length: number) => Float32Array.from({ length }, (_, i) => 0.8 * Math.sin(i / 5.3) + 0.3 * Math.sin(i / 0.9));

function feed(process: (block: Float32Array) => Float32Array, input: Float32Array, quantum: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < input.length; i += quantum) out.push(...process(input.subarray(i, i + quantum)));
  return out;
}

describe("worklet resampler twin", () => {
  it.each([48_000, 44_100, 96_000, 22_050, 16_000])("matches the TypeScript resampler sample-exactly from %i Hz", (rate) => {
    const input = signal(rate / 2);
    const ts = new StreamingResampler(rate, 16_000);
    const js = new WorkletResampler(rate, 16_000);
    const expected = feed((b) => ts.process(b), input, 128);
    const actual = feed((b) => js.process(b), input, 128);
    expect(actual).toHaveLength(expected.length);
    expect(actual).toEqual(expected);
  });

  it("clamps exactly like floatToPcm16", () => {
    const samples = Float32Array.from([-2, -1, -0.5, -1e-6, 0, 1e-6, 0.5, 1, 2, 0.123456]);
    expect(Array.from(Int16Array.from(samples, toPcm16))).toEqual(Array.from(floatToPcm16(samples)));
  });
});

describe("CaptureChunker", () => {
  it("emits 320-sample (20 ms) little-endian PCM16 chunks from 48 kHz render quanta", () => {
    // A sound waits for the chunk it falls in to fill: 20 ms chunks keep that wait ≤ 20 ms.
    expect(CHUNK_SAMPLES).toBe(320);
    const chunker = new CaptureChunker(48_000);
    const input = signal(48_000);
    const chunks = [];
    for (let i = 0; i < input.length; i += 128) chunks.push(...chunker.push(input.subarray(i, i + 128)));
    const rest = chunker.flush();
    const all = rest ? [...chunks, rest] : chunks;
    for (const chunk of all) expect(chunk.pcm.byteLength / 2).toBeLessThanOrEqual(CHUNK_SAMPLES);
    expect(chunks.every((c) => c.pcm.byteLength === CHUNK_SAMPLES * 2)).toBe(true);
    expect(chunks).toHaveLength(50);
    const total = all.reduce((sum, c) => sum + c.pcm.byteLength / 2, 0);
    expect(total).toBe(16_000);

    const expected = floatToPcm16(new StreamingResampler(48_000, 16_000).process(input));
    const first = new DataView(all[0]!.pcm);
    for (let i = 0; i < CHUNK_SAMPLES; i++) expect(first.getInt16(i * 2, true)).toBe(expected[i]);
  });

  it("reports the RMS level of each chunk and clamps out-of-range input", () => {
    const chunker = new CaptureChunker(16_000, 160);
    const [quiet] = chunker.push(new Float32Array(160));
    const [loud] = chunker.push(new Float32Array(160).fill(0.5));
    const [clipped] = chunker.push(new Float32Array(160).fill(3));
    expect(quiet!.rms).toBe(0);
    expect(loud!.rms).toBeCloseTo(0.5, 6);
    expect(clipped!.rms).toBe(1);
    expect(new DataView(clipped!.pcm).getInt16(0, true)).toBe(0x7fff);
  });

  it("refuses chunks longer than 40 ms", () => {
    expect(() => new CaptureChunker(48_000, MAX_CHUNK_SAMPLES + 1)).toThrow(RangeError);
  });
});
