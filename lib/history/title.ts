export const TITLE_MAX_LENGTH = 120;
const DEFAULT_TITLE_LENGTH = 60;

export const UNTITLED = "Conversation without words";

/** The start of a line, cut at a word boundary with an ellipsis when it runs long. */
export function lineStart(text: string, max = DEFAULT_TITLE_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : flat.slice(0, max)).replace(/[\s,.;:!?-]+$/, "")}…`;
}

/** What a conversation is called: the user's title, else the start of the first thing they said. */
export function displayTitle({ title, firstLine }: { title: string | null; firstLine: string | null }): string {
  if (title?.trim()) return title.trim();
  if (firstLine?.trim()) return lineStart(firstLine);
  return UNTITLED;
}
