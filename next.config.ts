import type { NextConfig } from "next";
// Validates the environment at build and start: a bad configuration fails here, readably.
import { env } from "./lib/env";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build folder lets the e2e server build while a dev server runs.
  distDir: env.NEXT_DIST_DIR,
  poweredByHeader: false,
  // The dev server would otherwise print every server action's arguments, a pasted Gemini key included.
  logging: { serverFunctions: false },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector"],
  outputFileTracingIncludes: {
    "/**": ["./db/migrations/**/*"],
    // Read at run time by app/docs/api/scalar.js/route.ts.
    "/docs/api/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"],
  },
  // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(env) },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
