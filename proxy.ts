import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { RETURN_PATH_HEADER } from "@/lib/routes";

/*
 * A convenience redirect only: a cookie's presence is not proof of a session, so every page,
 * action and route checks the session itself (lib/auth/session.ts). Signed-in visitors of the
 * auth pages are sent on by those pages, which can tell a live session from a stale cookie.
 */
export function proxy(request: NextRequest) {
  const requested = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (getSessionCookie(request)) {
    // Layouts cannot see the URL: with a stale cookie they send the visitor back here after sign-in.
    const headers = new Headers(request.headers);
    headers.set(RETURN_PATH_HEADER, requested);
    return NextResponse.next({ request: { headers } });
  }
  const target = new URL("/sign-in", request.url);
  target.searchParams.set("next", requested);
  return NextResponse.redirect(target);
}

export const config = {
  matcher: ["/live/:path*", "/sessions/:path*", "/insights/:path*", "/settings/:path*", "/admin/:path*"],
};
