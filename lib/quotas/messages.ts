/* What a user is told at a limit: shared by the data layer (which enforces) and the UI. */

const monthDay = (date: Date) => date.toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

export function monthlyAllowanceMessage(monthlyMinutes: number, resetsAt: Date): string {
  if (monthlyMinutes === 0) return "Your account has no conversation minutes this month. Ask the person who runs LiveMind to raise your allowance.";
  return `You have used your ${monthlyMinutes.toLocaleString("en-US")} conversation minutes for this month. Your allowance starts again on ${monthDay(resetsAt)} (UTC).`;
}

export function concurrentLimitMessage(limit: number): string {
  if (limit === 1) return "A conversation is already running in another tab or window. End it there, or start here to replace it.";
  return `You already have ${limit} conversations running, the most your account allows at once. End one to start another.`;
}

export function tokenRateLimitMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many conversation starts and reconnections in a short time. Please wait ${wait} and try again.`;
}
