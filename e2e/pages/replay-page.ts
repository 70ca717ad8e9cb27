import { expect, type Locator, type Page } from "@playwright/test";

export interface ReplayLine {
  index: number;
  sequence: number;
  sender: "user" | "model";
  offsetMs: number | null;
  active: boolean;
}

/** Where the player is and which line is lit, read in one go so the two always agree. */
export interface ReplayMoment {
  recordingMs: number;
  sessionMs: number;
  playing: boolean;
  activeIndex: number;
}

/** The replay page `/sessions/:id` as a person uses it, plus the player's position the page exposes. */
export class ReplayPage {
  readonly header: Locator;
  readonly title: Locator;
  readonly lines: Locator;
  readonly player: Locator;
  readonly play: Locator;
  readonly seekBar: Locator;
  readonly audio: Locator;
  readonly frame: Locator;
  readonly noAudio: Locator;
  /** The player's note of stretches whose sound was not saved. */
  readonly gaps: Locator;
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByTestId("replay-header");
    this.title = page.getByTestId("replay-title");
    this.lines = page.getByTestId("replay-turn");
    this.player = page.getByTestId("replay-player");
    this.play = page.getByTestId("replay-play");
    this.seekBar = page.getByTestId("replay-seek");
    this.audio = page.getByTestId("replay-audio");
    this.frame = page.getByTestId("replay-frame");
    this.noAudio = page.getByTestId("replay-no-audio");
    this.gaps = page.getByTestId("replay-gaps");
    this.notFound = page.getByTestId("replay-not-found");
  }

  static path(sessionId: string, query: Record<string, string | number> = {}): string {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
    return `/sessions/${sessionId}${search ? `?${search}` : ""}`;
  }

  async goto(sessionId: string, query: Record<string, string | number> = {}) {
    const response = await this.page.goto(ReplayPage.path(sessionId, query));
    await expect(this.header).toBeVisible();
    return response;
  }

  line(index: number): Locator {
    return this.lines.nth(index);
  }

  speed(rate: 1 | 1.5 | 2): Locator {
    return this.page.locator(`[data-testid="replay-speed-option"][data-rate="${rate}"]`);
  }

  async readLines(): Promise<ReplayLine[]> {
    return this.lines.evaluateAll((elements) =>
      elements.map((element, index) => {
        const offset = element.getAttribute("data-offset-ms");
        return {
          index,
          sequence: Number(element.getAttribute("data-sequence")),
          sender: element.getAttribute("data-sender") as "user" | "model",
          offsetMs: offset === null ? null : Number(offset),
          active: element.getAttribute("data-active") === "true",
        };
      }),
    );
  }

  async moment(): Promise<ReplayMoment> {
    return this.page.evaluate(() => {
      const player = document.querySelector('[data-testid="replay-player"]');
      const lines = [...document.querySelectorAll('[data-testid="replay-turn"]')];
      return {
        recordingMs: Number(player?.getAttribute("data-current-ms") ?? "NaN"),
        sessionMs: Number(player?.getAttribute("data-session-ms") ?? "NaN"),
        playing: player?.getAttribute("data-playing") === "true",
        activeIndex: lines.findIndex((line) => line.getAttribute("data-active") === "true"),
      };
    });
  }

  /** Drags the seek bar to a point of the recording (ms), as a person would. */
  async seekTo(recordingMs: number) {
    await this.seekBar.fill(String(Math.round(recordingMs)));
  }

  async expectPlaying(playing: boolean) {
    await expect(this.player).toHaveAttribute("data-playing", String(playing));
  }

  async playbackRate(): Promise<number> {
    return this.audio.evaluate((element) => (element as HTMLAudioElement).playbackRate);
  }
}
