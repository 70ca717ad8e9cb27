import type { NextConfig } from "next";
// Validates the environment at build and start: a bad configuration fails here, readably.
import { env } from "./lib/env";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build folder lets the e2e server build while a dev server runs.
  distDir: env.NEXT_DIST_DIR,
  poweredByHeader: false,
  // The dev server would otherwise print every server action's arguments, a pasted Gemini key included.
  logging: { serverFunctions: false },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite"],
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
};

export default nextConfig;
