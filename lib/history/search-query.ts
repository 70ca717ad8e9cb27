import { storableText } from "@/lib/validation/columns";

export const MAX_QUERY_LENGTH = 200;

/*
 * Postgres's websearch_to_tsquery keeps each `-` as a pending NOT until a word arrives, on a
 * stack 32 deep: 33 of them in a row ("---…", "- - -", "-(-(") fail with "tsquery stack too
 * small". A run of them is folded to what it means (two NOTs cancel, so an odd run is one NOT and
 * an even run none); every other query reaches Postgres unchanged.
 */
const NEGATION_RUN = /-(?:[^\p{L}\p{N}"]*-)+/gu;

export function foldNegations(query: string): string {
  return query.replace(NEGATION_RUN, (run) => ([...run].filter((char) => char === "-").length % 2 === 1 ? " -" : " "));
}

/** The search box's text: what websearch_to_tsquery is given. */
export const searchQuery = storableText()
  .trim()
  .max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`)
  .transform((value) => foldNegations(value).trim());
