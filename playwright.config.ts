import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutablePath } from "./e2e/support/ensure-browser";
import { APP_BASE_URL, GEMINI_DOUBLE_PORT, GEMINI_DOUBLE_URL } from "./e2e/support/ports";
import { ensureSpeechWav } from "./e2e/support/speech-wav";

const isCI = !!process.env.CI;

/*
 * Chromium's stand-ins for camera and microphone, so media pages run unattended. The live
 * suite passes a spoken WAV in LIVEMIND_FAKE_AUDIO_WAV to be heard as the microphone.
 */
const fakeAudioWav = process.env.LIVEMIND_FAKE_AUDIO_WAV;
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  ...(fakeAudioWav ? [`--use-file-for-fake-audio-capture=${fakeAudioWav}`] : []),
];

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumArgs },
};

// The live suite's microphone says the sentence the Gemini double transcribes, on a loop.
const liveChromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumExecutablePath(),
    args: [...chromiumArgs.filter((arg) => !arg.startsWith("--use-file-for-fake-audio-capture=")), `--use-file-for-fake-audio-capture=${fakeAudioWav ?? ensureSpeechWav()}`],
  },
};

// Screenshots are looked at by people, not asserted: `npm run screenshots` only.
const withScreenshots = process.env.LIVEMIND_SCREENSHOTS === "1";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.artifacts/test-results",
  fullyParallel: false,
  forbidOnly: isCI,
  // A CI machine shared with other jobs has run the suite about twice as slowly as a quiet one:
  // room for that, and a second retry for a stall, rather than a red run that lands nothing.
  retries: isCI ? 2 : 0,
  workers: 2,
  timeout: isCI ? 60_000 : 30_000,
  expect: { timeout: isCI ? 15_000 : 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "./e2e/.artifacts/report" }]],
  use: {
    baseURL: APP_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Every pattern is anchored at e2e/: a checkout's own path may contain "admin/" or "live/",
  // and foundation/admin.spec.ts must stay out of the admin project.
  projects: [
    { name: "setup", testMatch: /e2e[\\/]auth[\\/][^\\/]+\.setup\.ts$/, use: chromium },
    { name: "foundation", testMatch: /e2e[\\/]foundation[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    // Sessions and analytics specs hold short conversations too, but assert only what the app shows.
    { name: "history", testMatch: /e2e[\\/]sessions[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    { name: "analytics", testMatch: /e2e[\\/]analytics[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    // Attacks on the running app: redirects, origins, headers, auth endpoints.
    { name: "security", testMatch: /e2e[\\/]security[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    { name: "admin", testMatch: /e2e[\\/]admin[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    // Quotas: an admin's limits seen on Live (at the limit, against the Gemini double) and in Settings.
    { name: "quotas", testMatch: /e2e[\\/]quotas[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: liveChromium, timeout: 120_000 },
    // API keys, the REST API and its reference; holds short conversations like "history".
    { name: "platform", testMatch: /e2e[\\/]platform[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    // Account lifecycle (mail, devices, erasure) on an app server of its own over PostgreSQL, which
    // the specs read: one server, so one worker.
    { name: "account", testMatch: /e2e[\\/]account[\\/][^\\/]+\.spec\.ts$/, use: chromium, workers: 1, timeout: 60_000 },
    // One Gemini double serves every live spec, and live specs read what it received, so they run
    // one at a time and only after the other projects, some of which hold conversations too.
    // Memory specs hold conversations and read the double's setups too: after the others, before live.
    { name: "memory", testMatch: /e2e[\\/]memory[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup", "foundation", "history", "analytics", "security", "admin", "quotas", "platform", "account"], use: liveChromium, workers: 1, timeout: 180_000 },
    { name: "live", testMatch: /e2e[\\/]live[\\/][^\\/]+\.spec\.ts$/, dependencies: ["setup", "foundation", "history", "analytics", "security", "admin", "quotas", "platform", "account", "memory"], use: liveChromium, workers: 1, timeout: 120_000 },
    ...(withScreenshots
      ? [{ name: "screenshots", testMatch: /e2e[\\/]support[\\/]screenshots\.shot\.ts$/, dependencies: ["setup"], use: liveChromium, timeout: 90_000 }]
      : []),
  ],
  webServer: [
    {
      command: "npx tsx e2e/support/serve-app.ts",
      url: `${APP_BASE_URL}/api/health`,
      // The first start builds the app (`next build`), which a loaded machine has taken 4 minutes.
      timeout: 900_000,
      reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // The Gemini Live test double the app (GEMINI_API_BASE_URL) and the browser's SDK talk to.
      command: "npx tsx e2e/gemini-double/main.ts",
      url: `${GEMINI_DOUBLE_URL}/__double/health`,
      env: { GEMINI_DOUBLE_PORT: String(GEMINI_DOUBLE_PORT) },
      timeout: 60_000,
      reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
