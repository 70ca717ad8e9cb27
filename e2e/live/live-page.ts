import { expect, type Locator, type Page } from "@playwright/test";
import { geminiDouble } from "./double";
import type { LiveStats, LiveStatus } from "../../lib/live/contract";

/** The Live page as a person uses it, plus the hidden counters the page keeps for tests. */
export class LivePage {
  readonly start: Locator;
  readonly stop: Locator;
  readonly retry: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly transcript: Locator;
  readonly turns: Locator;
  readonly cameraToggle: Locator;
  readonly stats: Locator;
  /** After a reload: the offer to continue the conversation the tab held, or end it. */
  readonly resumeOffer: Locator;
  readonly continueConversation: Locator;
  readonly endPrevious: Locator;

  constructor(readonly page: Page) {
    this.start = page.getByTestId("live-start");
    this.stop = page.getByTestId("live-stop");
    this.retry = page.getByTestId("live-retry");
    this.status = page.getByTestId("live-status");
    this.error = page.getByTestId("live-error");
    this.transcript = page.getByTestId("live-transcript");
    this.turns = page.getByTestId("live-turn");
    this.cameraToggle = page.getByTestId("live-camera-toggle");
    this.stats = page.getByTestId("live-stats");
    this.resumeOffer = page.getByTestId("live-resume-offer");
    this.continueConversation = page.getByTestId("live-continue");
    this.endPrevious = page.getByTestId("live-end-previous");
  }

  async goto() {
    await this.page.goto("/live");
    await expect(this.start).toBeVisible();
  }

  async setCamera(on: boolean) {
    if ((await this.cameraToggle.getAttribute("aria-pressed")) !== String(on)) await this.cameraToggle.click();
    await expect(this.cameraToggle).toHaveAttribute("aria-pressed", String(on));
  }

  async expectStatus(status: LiveStatus, timeout?: number) {
    await expect(this.status).toHaveAttribute("data-status", status, { timeout });
  }

  /** Start, wait until live, and return the new session's id. */
  async startConversation(): Promise<string> {
    await this.start.click();
    await this.expectStatus("live", 20_000);
    return this.sessionId();
  }

  async sessionId(): Promise<string> {
    await expect(this.stats).toHaveAttribute("data-session-id", /^[0-9a-f-]{36}$/);
    return (await this.stats.getAttribute("data-session-id")) as string;
  }

  /** Stop, and wait until the conversation is ended on the server too. */
  async stopConversation() {
    await this.stop.click();
    await this.expectStatus("ended", 20_000);
  }

  turn(sender: "user" | "model", options: { final?: boolean; interrupted?: boolean } = {}): Locator {
    let selector = `[data-testid="live-turn"][data-sender="${sender}"]`;
    if (options.final !== undefined) selector += `[data-final="${options.final}"]`;
    if (options.interrupted !== undefined) selector += `[data-interrupted="${options.interrupted}"]`;
    return this.page.locator(selector);
  }

  /** Waits until at least `count` answers of the model finished (not interrupted). */
  async waitForCompletedAnswers(count: number, timeout = 60_000) {
    await expect.poll(() => this.turn("model", { final: true, interrupted: false }).count(), { timeout }).toBeGreaterThanOrEqual(count);
  }

  async counters(): Promise<LiveStats> {
    return this.stats.evaluate((element) => {
      const read = (name: string) => Number(element.getAttribute(`data-${name}`) ?? "NaN");
      return {
        audioChunksSent: read("audio-chunks-sent"),
        videoFramesSent: read("video-frames-sent"),
        audioChunksReceived: read("audio-chunks-received"),
        playedMs: read("played-ms"),
        scheduledMs: read("scheduled-ms"),
        turnsPending: read("turns-pending"),
        turnsAcknowledged: read("turns-acknowledged"),
        resumptions: read("resumptions"),
      };
    });
  }

  /**
   * Mutes the microphone, then waits until every utterance the service heard has had its answer
   * finish (or be cut off by the user), so a Stop afterwards cuts no answer short: the fake
   * microphone says its sentence on a loop and would otherwise start another one at any moment.
   */
  async muteAndLetAnswersFinish(timeout = 30_000) {
    await this.page.getByTestId("live-mic-toggle").click();
    await expect.poll(async () => {
      const last = (await geminiDouble.received()).connections.at(-1);
      return last ? last.userTurns - last.turnsCompleted - last.interruptions : -1;
    }, { timeout }).toBe(0);
    await expect(this.turn("model", { final: false })).toHaveCount(0);
  }

  /** Every closed turn on screen has reached the server. */
  async waitForTurnsStored(timeout = 60_000) {
    await expect.poll(async () => (await this.counters()).turnsPending, { timeout }).toBe(0);
  }
}
