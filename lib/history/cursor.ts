import { isExactInstant } from "@/lib/validation/calendar";

/*
 * The keyset cursors of the Sessions list and search: the sort key of the last row shown, as
 * base64url JSON. A cursor comes back from the browser, so it is read as untrusted: each part
 * must be a value Postgres will take for its type, or the cursor is not one of ours.
 */

export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** The parts of a cursor this code made, or null for anything else. */
export function decodeCursor(cursor: string | null | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parts) || parts.length !== length || !parts.every((part) => typeof part === "string" && part.length <= 64)) return null;
    return parts as string[];
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i;

/**
 * A ts_rank as Postgres prints a `real`: zero or a positive float4 that is not subnormal
 * (`1e-50` underflows, `1e39` overflows, both errors in `::real`). Ranks stay far inside that.
 */
function isRank(value: string): boolean {
  if (!DECIMAL.test(value)) return false;
  const rank = Number(value);
  return rank === 0 || (rank >= 1e-37 && rank <= 1e37);
}

export interface ListCursor {
  startedAt: string;
  id: string;
}

export interface SearchCursor extends ListCursor {
  rank: string;
}

export function readListCursor(cursor: string | null | undefined): ListCursor | null {
  const parts = decodeCursor(cursor, 2);
  if (!parts) return null;
  const [startedAt, id] = parts as [string, string];
  return isExactInstant(startedAt) && UUID.test(id) ? { startedAt, id } : null;
}

export function readSearchCursor(cursor: string | null | undefined): SearchCursor | null {
  const parts = decodeCursor(cursor, 3);
  if (!parts) return null;
  const [rank, startedAt, id] = parts as [string, string, string];
  return isRank(rank) && isExactInstant(startedAt) && UUID.test(id) ? { rank, startedAt, id } : null;
}
