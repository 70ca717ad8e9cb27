import { describe, expect, it } from "vitest";
import { bytesToVector, dotWithBytes, vectorToBytes } from "./vector";

describe("float32 vectors as bytes", () => {
  const a = [0.5, -0.25, 0.125, 1.5e-40];
  const b = [0.1, 0.2, -0.3, 0.4];
  const expected = a.reduce((sum, value, i) => sum + Math.fround(value) * Math.fround(b[i]!), 0);

  it("round-trips through little-endian bytes", () => {
    expect(bytesToVector(vectorToBytes(a))).toEqual(a.map(Math.fround));
  });

  it("gives the same dot product from aligned and unaligned bytes, null for another size", () => {
    const bytes = vectorToBytes(a);
    const unaligned = new Uint8Array(bytes.byteLength + 1).subarray(1);
    unaligned.set(bytes);
    expect(dotWithBytes(bytes, Float32Array.from(b))).toBeCloseTo(expected, 12);
    expect(dotWithBytes(unaligned, Float32Array.from(b))).toBeCloseTo(expected, 12);
    expect(dotWithBytes(bytes, [1, 2])).toBeNull();
  });
});
