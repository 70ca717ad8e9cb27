/*
 * Search snippets come from Postgres `ts_headline` with these control characters around the
 * matched words. The browser splits on them and renders plain text: the user's words are never
 * parsed as HTML.
 */
export const HIGHLIGHT_START = "\u0001";
export const HIGHLIGHT_END = "\u0002";

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of snippet.split(HIGHLIGHT_START).entries()) {
    const [matched, rest] = index === 0 ? [null, piece] : splitOnce(piece);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest.replaceAll(HIGHLIGHT_END, ""), match: false });
  }
  return parts;
}

function splitOnce(piece: string): [string | null, string] {
  const end = piece.indexOf(HIGHLIGHT_END);
  if (end === -1) return [piece, ""];
  return [piece.slice(0, end), piece.slice(end + 1)];
}
