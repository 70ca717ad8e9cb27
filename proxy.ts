import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { toPublicError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "@/lib/http/origin";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { RETURN_PATH_HEADER } from "@/lib/routes";

const SIGNED_IN_AREAS = ["/live", "/personas", "/sessions", "/memory", "/insights", "/settings", "/admin"];

const inSignedInArea = (path: string) => SIGNED_IN_AREAS.some((area) => path === area || path.startsWith(`${area}/`));

/*
 * Every page request passes here:
 * - a server action from another origin is refused with a readable 403 (Next would answer a
 *   bare 500); route handlers do the same check in lib/http/route.ts;
 * - the page gets a Content-Security-Policy with a fresh script nonce, set on the request too,
 *   where Next reads it to put the nonce on the scripts it renders;
 * - signed-out visitors of the app's areas are sent to sign-in. That redirect is a convenience
 *   only: a cookie's presence is not proof of a session, so every page, action and route checks
 *   the session itself (lib/auth/session.ts).
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    try {
      assertSameOrigin(request);
    } catch (error) {
      const { status, body } = toPublicError(error, "proxy");
      return NextResponse.json(body, { status });
    }
  }

  const path = request.nextUrl.pathname;
  const requested = `${path}${request.nextUrl.search}`;
  if (inSignedInArea(path) && !getSessionCookie(request)) {
    const target = new URL("/sign-in", request.url);
    target.searchParams.set("next", requested);
    return NextResponse.redirect(target);
  }

  const csp = contentSecurityPolicy(Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64"));
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Only this proxy says which path was asked for. Layouts cannot see the URL: with a stale
  // cookie they send the visitor back there after sign-in.
  headers.delete(RETURN_PATH_HEADER);
  if (inSignedInArea(path)) headers.set(RETURN_PATH_HEADER, requested);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes answer data under a fixed policy (next.config.ts), static files need none.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico|worklets/).*)"],
};
