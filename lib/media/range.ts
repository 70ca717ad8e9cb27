/** An inclusive byte range of a resource, as HTTP ranges count. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeRequest = { kind: "full" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * Reads a `Range` header against a resource of `size` bytes. One range only (`bytes=a-b`,
 * `bytes=a-`, `bytes=-n`); a header we do not understand is ignored (full body), as RFC 9110
 * allows, and a range starting past the end is unsatisfiable (416).
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (size === 0) return { kind: "unsatisfiable" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return { kind: "unsatisfiable" };
  if (end < start) return { kind: "full" };
  return { kind: "partial", range: { start, end } };
}

export const contentRange = ({ start, end }: ByteRange, size: number) => `bytes ${start}-${end}/${size}`;

export interface Piece {
  /** Where the piece begins in the whole resource. */
  byteStart: number;
  byteSize: number;
}

/** The pieces a range touches, each with the slice of it to send. */
export function piecesInRange<T extends Piece>(pieces: T[], { start, end }: ByteRange): { piece: T; from: number; to: number }[] {
  const out: { piece: T; from: number; to: number }[] = [];
  for (const piece of pieces) {
    const pieceEnd = piece.byteStart + piece.byteSize - 1;
    if (pieceEnd < start || piece.byteStart > end || piece.byteSize === 0) continue;
    out.push({ piece, from: Math.max(start, piece.byteStart) - piece.byteStart, to: Math.min(end, pieceEnd) - piece.byteStart + 1 });
  }
  return out;
}
