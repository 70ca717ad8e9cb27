import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutablePath } from "./e2e/support/ensure-browser";
import { APP_BASE_URL } from "./e2e/support/ports";

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

// Screenshots are looked at by people, not asserted: `npm run screenshots` only.
const withScreenshots = process.env.LIVEMIND_SCREENSHOTS === "1";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.artifacts/test-results",
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "./e2e/.artifacts/report" }]],
  use: {
    baseURL: APP_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\/.*\.setup\.ts$/, use: chromium },
    { name: "foundation", testMatch: /foundation\/.*\.spec\.ts$/, dependencies: ["setup"], use: chromium },
    ...(withScreenshots
      ? [{ name: "screenshots", testMatch: /support\/screenshots\.shot\.ts$/, dependencies: ["setup"], use: chromium }]
      : []),
  ],
  webServer: {
    command: "npx tsx e2e/support/serve-app.ts",
    url: `${APP_BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
