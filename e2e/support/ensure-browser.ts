import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";

/*
 * The end-to-end suite needs one Chromium. In order of preference: an explicit path, the
 * system's Debian package, Playwright's own download. `npm run test:e2e` runs this file first,
 * so a missing browser is obtained (or the run stops with a clear message) before any build.
 */

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export interface FoundBrowser {
  executablePath: string;
  source: "LIVEMIND_CHROMIUM_PATH" | "system" | "playwright";
}

/** The Chromium the suite will launch, or undefined when none is installed. No side effects. */
export function findChromium(): FoundBrowser | undefined {
  const explicit = process.env.LIVEMIND_CHROMIUM_PATH;
  if (explicit && existsSync(explicit)) return { executablePath: explicit, source: "LIVEMIND_CHROMIUM_PATH" };
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: "system" };
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return { executablePath: bundled, source: "playwright" };
  return undefined;
}

/** For playwright.config.ts: the path to launch, or undefined to let Playwright report its own error. */
export function chromiumExecutablePath(): string | undefined {
  return findChromium()?.executablePath;
}

function run(command: string, args: string[]): boolean {
  console.log(`[ensure-browser] $ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive", CI: process.env.CI ?? "true" },
  });
  if (result.error) console.log(`[ensure-browser] could not run ${command}: ${result.error.message}`);
  else if (result.status !== 0) console.log(`[ensure-browser] ${command} exited with ${result.status ?? result.signal}`);
  return result.status === 0;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const hasCommand = (name: string) => spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;

function obtainChromium(): void {
  if (isRoot() && hasCommand("apt-get")) {
    console.log("[ensure-browser] No Chromium found; running as root, so installing Debian's chromium package.");
    if (run("apt-get", ["update"]) && run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"])) return;
    console.log("[ensure-browser] apt-get could not install chromium; trying Playwright's download instead.");
  } else {
    console.log("[ensure-browser] No Chromium found; downloading Playwright's Chromium.");
  }
  // The installed Playwright's own CLI, so the browser matches its version.
  const playwrightCli = path.join(process.cwd(), "node_modules", "@playwright", "test", "cli.js");
  if (existsSync(playwrightCli)) run(process.execPath, [playwrightCli, "install", "chromium"]);
  else run("npx", ["--yes", "playwright", "install", "chromium"]);
}

function main(): void {
  let found = findChromium();
  if (!found) {
    obtainChromium();
    found = findChromium();
    if (!found) {
      console.error(
        "[ensure-browser] No Chromium is available and none could be installed.\n" +
          `  Install one (as root: \`apt-get install -y chromium\`; otherwise \`npx playwright install chromium\`),\n` +
          "  or point LIVEMIND_CHROMIUM_PATH at a Chromium binary, then run the tests again.",
      );
      process.exit(1);
    }
    console.log(`[ensure-browser] Installed Chromium at ${found.executablePath}.`);
    return;
  }
  console.log(`[ensure-browser] Using ${found.source === "playwright" ? "Playwright's" : found.source === "system" ? "the system" : "the configured"} Chromium: ${found.executablePath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
