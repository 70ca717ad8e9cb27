import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { floatToPcm16, pcm16BytesToFloat, pcm16ToBytes } from "./pcm16";

describe("PCM16", () => {
  it("clamps at ±1 and maps the extremes to the int16 range", () => {
    const pcm = floatToPcm16(Float32Array.from([-2, -1, -0.5, 0, 0.5, 1, 3]));
    expect(Array.from(pcm)).toEqual([-32768, -32768, -16384, 0, 16384, 32767, 32767]);
  });

  it("writes little-endian bytes and reads them back", () => {
    const bytes = pcm16ToBytes(Int16Array.from([1, -2, 0x1234]));
    expect(Array.from(bytes)).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
    const floats = pcm16BytesToFloat(bytes);
    expect(floats[0]).toBeCloseTo(1 / 0x7fff, 9);
    expect(floats[1]).toBeCloseTo(-2 / 0x8000, 9);
  });

  it("reads from a view at an odd byte offset", () => {
    const backing = new Uint8Array([9, 0xff, 0x7f, 0x00, 0x80]);
    expect(Array.from(pcm16BytesToFloat(backing.subarray(1)))).toEqual([1, -1]);
  });

  it("round-trips float → pcm16 → bytes → float within one quantum", () => {
    const input = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10) * 0.9);
    const back = pcm16BytesToFloat(pcm16ToBytes(floatToPcm16(input)));
    back.forEach((value, i) => expect(Math.abs(value - input[i]!)).toBeLessThan(1 / 0x7fff));
  });
});

describe("base64", () => {
  it("round-trips every byte value and large buffers", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(base64ToBytes(bytesToBase64(all)))).toEqual(Array.from(all));
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31) & 0xff);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });

  it("matches Node's encoder", () => {
    const bytes = new TextEncoder().encode("LiveMind ✓ audio");
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
