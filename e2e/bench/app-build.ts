import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { appEnv, E2E_DIST_DIR } from "../support/serve-app";

/** The e2e production build the benchmarks serve: reused when present, BENCH_BUILD=1 rebuilds it. */
export function ensureBuild(label: string): void {
  if (existsSync(path.join(E2E_DIST_DIR, "BUILD_ID")) && process.env.BENCH_BUILD !== "1") {
    console.log(`[${label}] using the app build in ${E2E_DIST_DIR} (BENCH_BUILD=1 rebuilds it)`);
    return;
  }
  console.log(`[${label}] building the app into ${E2E_DIST_DIR}…`);
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { env: { ...appEnv(), NODE_ENV: "production" }, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

interface ServerReferenceManifest {
  node: Record<string, { filename?: string; exportedName?: string }>;
}

/** The id under which the build exposes a server action, as a page's form would name it. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(E2E_DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as ServerReferenceManifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename?.endsWith(file));
  if (!found) throw new Error(`the build has no server action ${exportedName} in ${file}`);
  return found[0];
}
