import { trustedOrigins } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/*
 * A state-changing request must come from one of our own pages. SameSite=Lax cookies go along
 * with requests from the same *site*, and another port of the same host is the same site, so
 * the cookie alone proves nothing. Browsers say where a request comes from: `Sec-Fetch-Site`
 * (anything but same-origin is refused) and `Origin` (sent on every POST, sendBeacon and no-cors
 * fetch included; it must be this deployment). A request with neither header is no browser's,
 * so it carries no victim's cookie.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const allowed = origin === null || origin === new URL(request.url).origin || trustedOrigins().includes(origin);
  if ((site !== null && site !== "same-origin") || !allowed) {
    throw new AppError("forbidden:origin", "This request came from another site and was refused.");
  }
}
