/*
 * `npm run test:vercel`: runs `vercel build` (the CLI pinned in devDependencies) the way Vercel's
 * build machine would, offline, and checks the Build Output it leaves in .vercel/output.
 * Vercel runs vercel.json's buildCommand (migrations, then `next build`) with VERCEL=1, so the
 * build needs a real database and a secret: a throwaway PostgreSQL cluster stands in for Neon.
 * A fresh clone has no `.vercel/project.json` (`vercel link` writes one); a local stand-in is
 * written when it is missing, so the CLI never asks the network for project settings.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startPostgresCluster } from "../../db/test/postgres-cluster";

const root = path.resolve(import.meta.dirname, "../..");
const projectFile = path.join(root, ".vercel/project.json");
const outputDir = path.join(root, ".vercel/output");

if (!existsSync(projectFile)) {
  mkdirSync(path.dirname(projectFile), { recursive: true });
  const settings = { framework: "nextjs", nodeVersion: "22.x" };
  writeFileSync(projectFile, `${JSON.stringify({ projectId: "livemind-local", orgId: "livemind-local", settings }, null, 2)}\n`);
}

// `-- --check-only`: check the Build Output already in .vercel/output, without building again.
const checkOnly = process.argv.includes("--check-only");
const started = performance.now();
let status = 0;
if (!checkOnly) {
  const cluster = await startPostgresCluster();
  try {
    status = await run(path.join(root, "node_modules/.bin/vercel"), ["build", "--yes"], {
      VERCEL: "1",
      DATABASE_URL: `postgres://postgres@${cluster.host}:${cluster.port}/postgres`,
      BETTER_AUTH_SECRET: "vercel-build-check-secret-not-used-at-runtime",
      NEXT_DIST_DIR: ".next",
      VERCEL_TELEMETRY_DISABLED: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    });
  } finally {
    await cluster.stop();
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (status !== 0) fail(`vercel build exited with ${status} after ${seconds}s`);

// What Vercel would deploy: the config, the functions, and the crons of vercel.json.
const config = JSON.parse(readFileSync(path.join(outputDir, "config.json"), "utf8")) as { version?: number; crons?: { path: string }[] };
if (config.version !== 3) fail(`.vercel/output/config.json has version ${config.version}, expected 3`);
const cronPaths = (config.crons ?? []).map((cron) => cron.path).sort();
if (!cronPaths.includes("/api/cron/purge-media")) fail(`the cron jobs of vercel.json are missing from the Build Output (${cronPaths.join(", ")})`);
for (const fn of ["api/health.func", "api/auth/[...all].func", "api/v1/sessions.func", "api/v1/openapi.json.func", "docs/api.func"]) {
  if (!existsSync(path.join(outputDir, "functions", fn))) fail(`the Build Output has no function ${fn}`);
}
// Files read at run time must be traced into their functions (next.config.ts outputFileTracingIncludes).
const traced = (fn: string, file: string) => readFileSync(path.join(outputDir, "functions", fn, ".vc-config.json"), "utf8").includes(`"${file}"`);
if (!traced("docs/api/scalar.js.func", "node_modules/@scalar/api-reference/dist/browser/standalone.js")) fail("the API reference's script is not traced into its function");
if (!traced("api/health.func", "db/migrations/meta/_journal.json")) fail("the migrations are not traced into the functions");
console.log(`vercel build: OK${checkOnly ? " (existing output checked)" : ` in ${seconds}s`} (Build Output v3, ${cronPaths.length} crons)`);

function run(command: string, args: string[], extraEnv: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

function fail(message: string): never {
  console.error(`test:vercel FAILED: ${message}`);
  process.exit(1);
}
