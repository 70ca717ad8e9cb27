import { CHUNK_CHARS, CHUNK_OVERLAP } from "./limits";

export interface PageText {
  /** 1-based page of a PDF; null for text files. */
  page: number | null;
  text: string;
}

export interface Chunk {
  ordinal: number;
  page: number | null;
  content: string;
}

/**
 * Splits each page into passages of about `size` characters that overlap by `overlap`, cut at a
 * paragraph, sentence or word boundary when one is near, so a fact is rarely split in two. A
 * passage never crosses a page: its source says which page it is from.
 */
export function chunkPages(pages: PageText[], { size = CHUNK_CHARS, overlap = CHUNK_OVERLAP }: { size?: number; overlap?: number } = {}): Chunk[] {
  const chunks: Chunk[] = [];
  for (const { page, text } of pages) {
    const clean = text.replace(/\r\n?/g, "\n").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
    let start = 0;
    while (start < clean.length) {
      let end = Math.min(clean.length, start + size);
      if (end < clean.length) end = breakBefore(clean, start + Math.floor(size / 2), end);
      const content = clean.slice(start, end).trim();
      if (content) chunks.push({ ordinal: chunks.length, page, content });
      if (end >= clean.length) break;
      start = Math.max(end - overlap, start + 1);
      // Start the overlap at a word, not mid-word.
      const space = clean.indexOf(" ", start);
      if (space !== -1 && space < end) start = space + 1;
    }
  }
  return chunks;
}

function breakBefore(text: string, min: number, max: number): number {
  for (const separator of ["\n\n", ". ", "\n", " "]) {
    const at = text.lastIndexOf(separator, max - separator.length);
    if (at >= min) return at + separator.length;
  }
  return max;
}
