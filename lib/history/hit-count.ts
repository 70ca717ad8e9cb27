import type { SearchHit } from "./types";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The header of search results: lines and summaries counted apart (a summary match is a
 * conversation, not a line), "more than" while another page is there.
 */
export function searchHitsLabel(hits: Pick<SearchHit, "match">[], hasMore: boolean): string {
  if (hasMore) return `More than ${hits.length} matches, best match first`;
  const summaries = hits.filter((hit) => hit.match === "summary").length;
  const lines = hits.length - summaries;
  const parts = [lines > 0 ? plural(lines, "matching line", "matching lines") : null, summaries > 0 ? plural(summaries, "matching summary", "matching summaries") : null];
  return `${parts.filter(Boolean).join(" and ")}, best match first`;
}
