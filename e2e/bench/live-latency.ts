import { type Browser, type BrowserContextOptions, chromium, request } from "@playwright/test";
import { startGeminiDouble } from "../gemini-double";
import { TEST_GEMINI_KEY } from "../gemini-double/constants";
import { uniqueAccount } from "../fixtures/accounts";
import { OwnAppServer } from "../live/app-server";
import { chromiumExecutablePath } from "../support/ensure-browser";
import { APP_PORT } from "../support/ports";
import { ensureBuild } from "./app-build";
import type { BenchFigure } from "./figure";
import { LATENCY_PROBE_SCRIPT } from "./live-latency-probe";
import { ensureOnsetWav, ONSETS, PERIOD_SECONDS } from "./onset-wav";

/*
 * The latency our live client adds, in Chromium with the fake microphone, against a Gemini Live
 * test double of its own and the e2e build of the app on its own port and database:
 * - capture: sound starting at the microphone → the first chunk carrying it leaves the page;
 * - playback: a model turn's first audio frame arrives at the page → the moment it is scheduled
 *   to play (and, apart, → the moment it is handed to Web Audio); and the gaps inside the
 *   model's turns, with the incoming messages delayed by ±0 and ±20 ms of jitter in the page.
 * The double answers in 40 ms chunks in real time (the service sends 25–62 ms). The fake mic
 * (onset-wav.ts) speaks one turn every 4 s, its onsets spread over every phase of a chunk;
 * each jitter level listens to BENCH_LIVE_TURNS turns (default: one loop of the file, 16).
 */

// Beside the e2e servers (APP_PORT, and APP_PORT + 1 for the restart spec).
const PORT = APP_PORT + 2;
const TURNS = Number(process.env.BENCH_LIVE_TURNS ?? ONSETS);
const JITTERS_MS = [0, 20];
/** Silence between two buffers shorter than this is a gap inside a turn, not a pause between turns. */
const GAP_LIMIT_SECONDS = 0.3;

interface Probe {
  mic: number[];
  sent: { at: number; onsetInChunkMs: number; chunkMs: number }[];
  arrived: { at: number; kind: "audio" | "end" | "other" }[];
  starts: { at: number; playsAt: number; when: number; now: number; duration: number }[];
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

/** Gaps inside model turns, from when each buffer really started (a start in the past plays at once). */
function playbackGaps(probe: Probe): { gaps: number; silenceSeconds: number; speechSeconds: number } {
  const played = probe.starts.map((s) => ({ start: Math.max(s.when, s.now), duration: s.duration })).sort((a, b) => a.start - b.start);
  let gaps = 0;
  let silenceSeconds = 0;
  for (let i = 1; i < played.length; i++) {
    const silence = played[i]!.start - (played[i - 1]!.start + played[i - 1]!.duration);
    if (silence > 1e-4 && silence < GAP_LIMIT_SECONDS) {
      gaps += 1;
      silenceSeconds += silence;
    }
  }
  return { gaps, silenceSeconds, speechSeconds: played.reduce((sum, p) => sum + p.duration, 0) };
}

/** How many of 8 equal parts of the capture chunk the measured onsets fell in. */
function phasesCovered(sent: Probe["sent"]): number {
  return new Set(sent.map((s) => Math.min(7, Math.floor((s.onsetInChunkMs / s.chunkMs) * 8)))).size;
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

async function listen(browser: Browser, baseUrl: string, storageState: BrowserContextOptions["storageState"], jitterMs: number): Promise<Probe> {
  // The probe's worklet is a blob: module, which the page's CSP (rightly) refuses.
  const context = await browser.newContext({ baseURL: baseUrl, storageState, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.addInitScript((ms) => ((window as unknown as { __benchJitterMs: number }).__benchJitterMs = ms), jitterMs);
    await page.addInitScript(LATENCY_PROBE_SCRIPT);
    await page.goto("/live");
    await page.getByTestId("live-start").click();
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 30_000 });
    console.log(`[live latency] ±${jitterMs} ms jitter: listening to ${TURNS} turns (about ${TURNS * PERIOD_SECONDS} s)…`);
    await page
      .waitForFunction(
        (turns) => document.querySelectorAll('[data-testid="live-turn"][data-sender="model"][data-final="true"]').length >= turns,
        TURNS,
        { timeout: TURNS * PERIOD_SECONDS * 1000 + 30_000, polling: 500 },
      )
      // A loaded machine can lose a turn to a barge-in; the figures say how many were measured.
      .catch(() => console.log(`[live latency] ±${jitterMs} ms: fewer than ${TURNS} model turns finished; measuring what was heard`));
    const probe = (await page.evaluate(() => (window as unknown as { __liveLatency: unknown }).__liveLatency)) as Probe;
    await page.getByTestId("live-stop").click();
    await page.locator('[data-testid="live-status"][data-status="ended"]').waitFor({ timeout: 20_000 });
    return probe;
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchFigure[]> {
  ensureBuild("live latency");
  const double = await startGeminiDouble({ script: { chunkMs: 40, replyAudioMs: 1200 } });
  const server = new OwnAppServer(PORT, { GEMINI_API_BASE_URL: double.url });
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
      `--use-file-for-fake-audio-capture=${ensureOnsetWav()}`,
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
    const storageState = await api.storageState();
    await api.dispose();
    const settings = await browser.newContext({ baseURL: server.baseUrl, storageState });
    const page = await settings.newPage();
    await page.goto("/settings");
    await page.getByTestId("gemini-key-input").fill(TEST_GEMINI_KEY);
    await page.getByTestId("save-gemini-key").click();
    await page.getByTestId("gemini-key-last-four").waitFor();
    await settings.close();

    const ms = (n: number) => Math.round(n * 10) / 10;
    const figures = (name: string, values: number[], target?: string): BenchFigure[] => [
      { name: `${name}, p50 (n=${values.length})`, value: ms(percentile(values, 50)), unit: "ms", target },
      { name: `${name}, p95 (n=${values.length})`, value: ms(percentile(values, 95)), unit: "ms", target },
    ];
    const out: BenchFigure[] = [];
    const captured: number[] = [];
    const sent: Probe["sent"] = [];
    for (const jitterMs of JITTERS_MS) {
      const probe = await listen(browser, server.baseUrl, storageState, jitterMs);
      captured.push(...captureLatencies(probe));
      sent.push(...probe.sent);
      const playback = playbackLatencies(probe);
      const gaps = playbackGaps(probe);
      const perSecond = (n: number) => Math.round((n / gaps.speechSeconds) * 1000) / 1000;
      out.push(
        ...figures(`±${jitterMs} ms: first model frame in → scheduled to play`, playback.scheduled, jitterMs ? "≤ 45 ms" : "≤ 50 ms"),
        ...(jitterMs ? [] : figures("±0 ms: first model frame in → handed to Web Audio", playback.handedOver)),
        ...(jitterMs ? [] : figures("±0 ms: any model frame in → handed to Web Audio", playback.everyFrame)),
        { name: `±${jitterMs} ms: gaps per s of model speech (${Math.round(gaps.speechSeconds)} s)`, value: perSecond(gaps.gaps), unit: "/s", target: "0" },
        { name: `±${jitterMs} ms: silence per s of model speech`, value: ms(perSecond(gaps.silenceSeconds * 1000)), unit: "ms/s" },
      );
    }
    return [
      ...figures("capture: sound at the mic → its first chunk sent", captured, "p95 ≤ 25 ms"),
      { name: "capture: onset phases covered (eighths of a chunk)", value: phasesCovered(sent), unit: "of 8" },
      ...out,
    ];
  } finally {
    await browser.close();
    await server.dispose();
    await double.close();
  }
}
