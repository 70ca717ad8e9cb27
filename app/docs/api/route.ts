import { ApiReference } from "@scalar/nextjs-api-reference";

export const dynamic = "force-dynamic";

/*
 * The API reference (Scalar), rendered from /api/v1/openapi.json. Scalar's page is one script
 * file and an inline call that starts it. Our pages' policy admits scripts from this origin and
 * inline ones carrying this request's nonce (proxy.ts), so the file is served from here, not a CDN
 * (which also keeps the page working offline), and the nonce is put on its script tags.
 */
const reference = ApiReference({
  url: "/api/v1/openapi.json",
  cdn: "/docs/api/scalar.js",
  pageTitle: "LiveMind API reference",
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  // Its "Ask AI" agent calls Scalar's servers, which the page's connect-src (rightly) refuses.
  agent: { disabled: true },
  metaData: { title: "LiveMind API reference" },
});

export async function GET(request: Request): Promise<Response> {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
  const html = await (await reference()).text();
  const body = nonce ? html.replaceAll("<script", `<script nonce="${nonce}"`) : html;
  return new Response(body, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
