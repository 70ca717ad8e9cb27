import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_ACCOUNT } from "../fixtures/accounts";
import { APP_BASE_URL, APP_PORT, GEMINI_DOUBLE_URL } from "./ports";

/*
 * Playwright's webServer: a production build of the app, served on a fresh embedded database.
 * Every variable the app under test sees is set here, so a later suite (the Gemini Live test
 * double, say) adds its settings in this one place.
 */

export const E2E_DIST_DIR = ".next-e2e";
export const E2E_DATA_DIR = path.join("e2e", ".artifacts", "data");

export function appEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    LIVEMIND_DATA_DIR: E2E_DATA_DIR,
    // The embedded database, whatever a developer's .env points at.
    DATABASE_DRIVER: "pglite",
    DATABASE_URL: "",
    PORT: String(APP_PORT),
    BETTER_AUTH_URL: APP_BASE_URL,
    // The analytics fixture's accounts exist before anyone signs up, so "first account" cannot name the admin.
    ADMIN_EMAILS: ADMIN_ACCOUNT.email,
    // Every test signs in from the same address; the real limits would throttle the suite.
    AUTH_RATE_LIMIT_MAX: "100000",
    AUTH_SIGN_IN_RATE_LIMIT_MAX: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
    // The quotas, pinned: specs read them on the pages (e2e/quotas). The token limit is above the
    // default (30): the history spec stores 23 conversations for one account in a minute.
    LIVE_CONCURRENT_SESSIONS_LIMIT: "1",
    LIVE_MONTHLY_MINUTES_LIMIT: "600",
    LIVE_TOKEN_RATE_LIMIT_MAX: "100",
    LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS: "600",
    // Token minting and the browser's Live socket go to the Gemini Live test double.
    GEMINI_API_BASE_URL: GEMINI_DOUBLE_URL,
    // Webhook specs deliver to a receiver on 127.0.0.1, which production refuses (SSRF guard).
    WEBHOOKS_ALLOW_PRIVATE: "1",
    GEMINI_API_KEY: "",
  };
}

const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

function build(env: NodeJS.ProcessEnv): void {
  // For quick reruns of specs while nothing in the app changed.
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(E2E_DIST_DIR, "BUILD_ID"))) {
    console.log(`[serve-app] E2E_SKIP_BUILD=1: reusing the build in ${E2E_DIST_DIR}`);
    return;
  }
  console.log(`[serve-app] Building the app into ${E2E_DIST_DIR}…`);
  const started = Date.now();
  const result = spawnSync(nextBin, ["build"], { env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    console.error(`[serve-app] next build failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`[serve-app] Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

async function serve(env: NodeJS.ProcessEnv): Promise<void> {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  // Imported here: specs that only need appEnv() should not load the database modules.
  const { seedE2eDatabase } = await import("../analytics/seed-database");
  await seedE2eDatabase(E2E_DATA_DIR, env);
  console.log(`[serve-app] Serving ${APP_BASE_URL} on a fresh database in ${E2E_DATA_DIR}`);
  const server = spawn(nextBin, ["start", "--port", String(APP_PORT)], {
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// Run as Playwright's webServer; a spec that starts a server of its own imports appEnv() only.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = appEnv();
  build(env);
  await serve(env);
}
