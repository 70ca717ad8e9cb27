/*
 * The colours a persona's avatar can take. Tailwind needs whole class names in the source, so
 * each key maps to literal classes (light and dark).
 */
export const PERSONA_COLORS = {
  violet: "bg-violet-600 text-white dark:bg-violet-400 dark:text-violet-950",
  blue: "bg-blue-600 text-white dark:bg-blue-400 dark:text-blue-950",
  teal: "bg-teal-600 text-white dark:bg-teal-400 dark:text-teal-950",
  green: "bg-green-700 text-white dark:bg-green-400 dark:text-green-950",
  amber: "bg-amber-600 text-white dark:bg-amber-400 dark:text-amber-950",
  orange: "bg-orange-600 text-white dark:bg-orange-400 dark:text-orange-950",
  rose: "bg-rose-600 text-white dark:bg-rose-400 dark:text-rose-950",
  slate: "bg-slate-600 text-white dark:bg-slate-300 dark:text-slate-900",
} as const;

export type PersonaColor = keyof typeof PERSONA_COLORS;
export const COLOR_KEYS = Object.keys(PERSONA_COLORS) as [PersonaColor, ...PersonaColor[]];

export const colorClasses = (color: string) => PERSONA_COLORS[(color in PERSONA_COLORS ? color : "violet") as PersonaColor];

/** The initials an avatar shows: the chosen ones, else the first letters of the first two words. */
export function initialsOf(name: string, chosen = ""): string {
  const picked = chosen.trim();
  if (picked) return [...picked].slice(0, 2).join("").toUpperCase();
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[1]!].map((w) => [...w][0]) : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toUpperCase() || "?";
}
