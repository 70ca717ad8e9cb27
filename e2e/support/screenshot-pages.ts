import type { Page } from "@playwright/test";
import { FIXTURE_PASSWORD, FIXTURE_RANGE, FIXTURE_USERS } from "../analytics/fixture";
import { saveTestKey } from "../live/gemini-key";
import { APP_BASE_URL } from "./ports";

/*
 * Every page `npm run screenshots` photographs, in light and dark, wide and narrow. A feature
 * that adds a page adds a line here, so the page gets looked at before it ships.
 */

export type Viewer = "visitor" | "member" | "admin";

export interface ScreenshotPage {
  /** File name stem: `<name>-<scheme>-<width>.png`. */
  name: string;
  path: string;
  as: Viewer;
  /** Brings the page into the state worth seeing (opens a menu, fills a form…). */
  prepare?: (page: Page) => Promise<void>;
}

const FIXTURE_WEEK = (path: string) => `${path}?range=custom&from=${FIXTURE_RANGE.from}&to=${FIXTURE_RANGE.to}`;

async function waitForCharts(page: Page) {
  await page.getByTestId("time-zone").waitFor();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" }).catch(() => {});
}

/** The seeded week, its days counted in the browser's zone. */
async function inFixtureWeek(page: Page, path: string) {
  await page.goto(path);
  await waitForCharts(page);
  await page.locator(".recharts-surface").first().waitFor();
}

export const SCREENSHOT_PAGES: ScreenshotPage[] = [
  { name: "landing", path: "/", as: "visitor" },
  { name: "sign-in", path: "/sign-in", as: "visitor" },
  {
    name: "sign-in-error",
    path: "/sign-in",
    as: "visitor",
    prepare: async (page) => {
      await page.getByTestId("sign-in-submit").click();
      await page.getByRole("alert").first().waitFor();
    },
  },
  { name: "sign-up", path: "/sign-up", as: "visitor" },
  { name: "settings", path: "/settings", as: "member" },
  {
    name: "settings-keyboard",
    path: "/settings",
    as: "member",
    prepare: async (page) => {
      // Arrow keys move through the voices; the focus ring must be plain to see.
      await page.getByTestId("voice-Zephyr").focus();
      await page.keyboard.press("ArrowRight");
      await page.getByText("Unsaved changes").waitFor();
    },
  },
  { name: "admin", path: FIXTURE_WEEK("/admin"), as: "admin", prepare: (page) => inFixtureWeek(page, FIXTURE_WEEK("/admin")) },
  { name: "admin-empty", path: "/admin?range=custom&from=2024-01-01&to=2024-01-07", as: "admin", prepare: waitForCharts },
  { name: "insights-empty", path: "/insights", as: "member", prepare: waitForCharts },
  {
    name: "insights",
    path: "/insights",
    as: "member",
    prepare: async (page) => {
      // The fixture's Fran has the seeded week of conversations.
      await page.context().clearCookies();
      const response = await page.request.post("/api/auth/sign-in/email", {
        data: { email: FIXTURE_USERS.fran.email, password: FIXTURE_PASSWORD },
        headers: { origin: APP_BASE_URL },
      });
      if (!response.ok()) throw new Error(`fixture sign-in: ${response.status()}`);
      await inFixtureWeek(page, FIXTURE_WEEK("/insights"));
    },
  },
  {
    name: "user-menu",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await page.getByTestId("user-menu-button").filter({ visible: true }).click();
      await page.getByRole("menu").waitFor();
    },
  },
  { name: "not-found", path: "/no-such-page", as: "visitor" },
  { name: "live-no-key", path: "/live", as: "member" },
  {
    name: "live-idle",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await saveTestKey(page);
      await page.goto("/live");
      await page.getByTestId("live-start").waitFor();
    },
  },
  {
    name: "live-talking",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await saveTestKey(page);
      await page.goto("/live");
      await page.getByTestId("live-start").click();
      await page.locator('[data-testid="live-turn"][data-sender="model"][data-final="true"]').first().waitFor({ timeout: 30_000 });
    },
  },
];

export const SCREENSHOT_WIDTHS = [1280, 390] as const;
export const SCREENSHOT_SCHEMES = ["light", "dark"] as const;
