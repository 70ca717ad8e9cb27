/* How the Sessions list shows times: in the browser's time zone once hydrated, UTC before. */

export function formatSessionDate(iso: string, { timeZone, now = new Date() }: { timeZone?: string; now?: Date } = {}): string {
  const date = new Date(iso);
  const sameYear = new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(date) === new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(now);
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

export const formatTurns = (count: number) => `${count} ${count === 1 ? "turn" : "turns"}`;

export function formatOffset(ms: number | null): string | null {
  if (ms === null) return null;
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
