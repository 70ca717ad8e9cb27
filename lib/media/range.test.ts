import { describe, expect, it } from "vitest";
import { contentRange, parseRange, piecesInRange } from "./range";

describe("parseRange", () => {
  it("serves the whole resource without a header or with one it does not understand", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "full" });
    expect(parseRange("items=0-5", 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-5,10-20", 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=-", 100)).toEqual({ kind: "full" });
  });

  it("reads closed, open-ended and suffix ranges, clamped to the size", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", range: { start: 0, end: 9 } });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=95-500", 100)).toEqual({ kind: "partial", range: { start: 95, end: 99 } });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "partial", range: { start: 90, end: 99 } });
    expect(parseRange("bytes=-500", 100)).toEqual({ kind: "partial", range: { start: 0, end: 99 } });
  });

  it("refuses ranges that start past the end", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-1", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("formats Content-Range", () => {
    expect(contentRange({ start: 5, end: 9 }, 10)).toBe("bytes 5-9/10");
  });
});

describe("piecesInRange", () => {
  const pieces = [
    { id: "a", byteStart: 0, byteSize: 10 },
    { id: "b", byteStart: 10, byteSize: 5 },
    { id: "c", byteStart: 15, byteSize: 10 },
  ];

  it("slices the pieces a range crosses", () => {
    expect(piecesInRange(pieces, { start: 8, end: 16 }).map(({ piece, from, to }) => [piece.id, from, to])).toEqual([
      ["a", 8, 10],
      ["b", 0, 5],
      ["c", 0, 2],
    ]);
  });

  it("touches only the piece inside a small range", () => {
    expect(piecesInRange(pieces, { start: 11, end: 12 }).map(({ piece, from, to }) => [piece.id, from, to])).toEqual([["b", 1, 3]]);
    expect(piecesInRange(pieces, { start: 24, end: 24 }).map(({ piece, from, to }) => [piece.id, from, to])).toEqual([["c", 9, 10]]);
  });
});
