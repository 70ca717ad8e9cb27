// Relative: next.config.ts loads this file, and it resolves no path aliases.
import { env as processEnv, type Env } from "../env";

/** Where the browser's Gemini Live socket goes (the SDK's default host). */
export const GEMINI_LIVE_SOCKET_ORIGIN = "wss://generativelanguage.googleapis.com";

// Our origin, the Live socket and, in tests, the double standing in for it: nothing else.
function connectSources(e: Env): string[] {
  const sources = ["'self'", GEMINI_LIVE_SOCKET_ORIGIN];
  if (e.GEMINI_API_BASE_URL) {
    const url = new URL(e.GEMINI_API_BASE_URL);
    sources.push(url.origin, `${url.protocol === "https:" ? "wss" : "ws"}://${url.host}`);
  }
  return sources;
}

/*
 * The policy of every page. Scripts: our files and the inline scripts Next renders with this
 * response's nonce (proxy.ts makes one per request; Next reads it from the request's policy).
 * No 'strict-dynamic': it would drop 'self', which is what admits the AudioWorklet modules from
 * public/worklets. Styles keep 'unsafe-inline' for React style attributes, which no nonce covers.
 * Replay and camera previews use blob: and data: media. React in development needs eval.
 */
export function contentSecurityPolicy(nonce: string, e: Env = processEnv): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${e.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src ${connectSources(e).join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents: they may load nothing and be framed nowhere. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers on every response, pages, API and static files alike (next.config.ts). */
export function securityHeaders(e: Env = processEnv): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(self), microphone=(self), display-capture=(self)" },
    // frame-ancestors' elder, for browsers without CSP level 2.
    { key: "X-Frame-Options", value: "DENY" },
    ...(e.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
