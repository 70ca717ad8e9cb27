import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, request } from "@playwright/test";
import { startGeminiDouble } from "../gemini-double";
import { TEST_GEMINI_KEY } from "../gemini-double/constants";
import { uniqueAccount } from "../fixtures/accounts";
import { OwnAppServer } from "../live/app-server";
import { chromiumExecutablePath } from "../support/ensure-browser";
import { APP_PORT } from "../support/ports";
import { appEnv, E2E_DIST_DIR } from "../support/serve-app";
import { ensureSpeechWav } from "../support/speech-wav";
import type { BenchFigure } from "./figure";
import { LATENCY_PROBE_SCRIPT } from "./live-latency-probe";

/*
 * The latency our live client adds, in Chromium with the fake microphone, against a Gemini Live
 * test double of its own and the e2e build of the app on its own port and database:
 * - capture: sound starting at the microphone → the first chunk carrying it leaves the page;
 * - playback: a model turn's first audio frame arrives at the page → the moment it is scheduled
 *   to play (and, apart, → the moment it is handed to Web Audio).
 * Each WAV loop is one turn (7.4 s); BENCH_LIVE_TURNS sets how many (default 8).
 */

// Beside the e2e servers (APP_PORT, and APP_PORT + 1 for the restart spec).
const PORT = APP_PORT + 2;
const TURNS = Number(process.env.BENCH_LIVE_TURNS ?? 8);

interface Probe {
  mic: number[];
  sent: { at: number; onsetInChunkMs: number; chunkMs: number }[];
  arrived: { at: number; kind: "audio" | "end" | "other" }[];
  starts: { at: number; playsAt: number }[];
}

function ensureBuild(): void {
  if (existsSync(path.join(E2E_DIST_DIR, "BUILD_ID")) && process.env.BENCH_BUILD !== "1") {
    console.log(`[live latency] using the app build in ${E2E_DIST_DIR} (BENCH_BUILD=1 rebuilds it)`);
    return;
  }
  console.log(`[live latency] building the app into ${E2E_DIST_DIR}…`);
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { env: { ...appEnv(), NODE_ENV: "production" }, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** For each outgoing speech onset, the microphone onset just before it. */
function captureLatencies(probe: Probe): number[] {
  const out: number[] = [];
  for (const sent of probe.sent) {
    const mic = probe.mic.filter((at) => at <= sent.at && sent.at - at < 1000).at(-1);
    if (mic !== undefined) out.push(sent.at - mic);
  }
  return out;
}

/** For each model turn, its first audio frame's arrival → the first buffer started after it. */
function playbackLatencies(probe: Probe): { scheduled: number[]; handedOver: number[]; everyFrame: number[] } {
  const scheduled: number[] = [];
  const handedOver: number[] = [];
  const everyFrame: number[] = [];
  let turnOpen = false;
  let startIndex = 0;
  for (const message of probe.arrived) {
    if (message.kind === "end") turnOpen = false;
    if (message.kind !== "audio") continue;
    while (startIndex < probe.starts.length && probe.starts[startIndex]!.at < message.at) startIndex += 1;
    const start = probe.starts[startIndex];
    if (!start) break;
    startIndex += 1;
    everyFrame.push(start.at - message.at);
    if (!turnOpen) {
      turnOpen = true;
      scheduled.push(start.playsAt - message.at);
      handedOver.push(start.at - message.at);
    }
  }
  return { scheduled, handedOver, everyFrame };
}

export async function run(): Promise<BenchFigure[]> {
  ensureBuild();
  const double = await startGeminiDouble();
  const server = new OwnAppServer(PORT, { GEMINI_API_BASE_URL: double.url });
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${ensureSpeechWav()}`,
    ],
  });
  try {
    await server.start();
    const account = uniqueAccount("Bench");
    const api = await request.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: { origin: server.baseUrl } });
    const signUp = await api.post("/api/auth/sign-up/email", { data: account });
    if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()}`);
    // Sign-up starts no session (it answers a taken email as a new one); signing in does.
    const signIn = await api.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const context = await browser.newContext({ baseURL: server.baseUrl, storageState: await api.storageState() });
    await api.dispose();
    const page = await context.newPage();

    await page.goto("/settings");
    await page.getByTestId("gemini-key-input").fill(TEST_GEMINI_KEY);
    await page.getByTestId("save-gemini-key").click();
    await page.getByTestId("gemini-key-last-four").waitFor();

    await page.addInitScript(LATENCY_PROBE_SCRIPT);
    await page.goto("/live");
    await page.getByTestId("live-start").click();
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 30_000 });
    console.log(`[live latency] listening to ${TURNS} turns (about ${Math.round(TURNS * 7.4)} s)…`);
    await page.waitForFunction(
      (turns) => document.querySelectorAll('[data-testid="live-turn"][data-sender="model"][data-final="true"]').length >= turns,
      TURNS,
      { timeout: TURNS * 7400 + 30_000, polling: 500 },
    );
    const probe = (await page.evaluate(() => (window as unknown as { __liveLatency: unknown }).__liveLatency)) as Probe;
    await page.getByTestId("live-stop").click();
    await page.locator('[data-testid="live-status"][data-status="ended"]').waitFor({ timeout: 20_000 });
    await context.close();

    const capture = captureLatencies(probe);
    const playback = playbackLatencies(probe);
    const ms = (n: number) => Math.round(n * 10) / 10;
    const figures = (name: string, values: number[], target?: string): BenchFigure[] => [
      { name: `${name}, p50 (n=${values.length})`, value: ms(percentile(values, 50)), unit: "ms", target },
      { name: `${name}, p95 (n=${values.length})`, value: ms(percentile(values, 95)), unit: "ms", target },
    ];
    return [
      ...figures("capture: sound at the mic → its first chunk sent", capture, "≤ 50 ms"),
      ...figures("playback: first model frame in → scheduled to play", playback.scheduled, "≤ 50 ms"),
      ...figures("playback: first model frame in → handed to Web Audio", playback.handedOver),
      ...figures("playback: any model frame in → handed to Web Audio", playback.everyFrame),
    ];
  } finally {
    await browser.close();
    await server.dispose();
    await double.close();
  }
}
