import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/*
 * A convenience redirect only: a cookie's presence is not proof of a session, so every page,
 * action and route checks the session itself (lib/auth/session.ts). Signed-in visitors of the
 * auth pages are sent on by those pages, which can tell a live session from a stale cookie.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const target = new URL("/sign-in", request.url);
  target.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(target);
}

export const config = {
  matcher: ["/live/:path*", "/settings/:path*", "/admin/:path*"],
};
