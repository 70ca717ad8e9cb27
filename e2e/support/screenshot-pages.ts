import type { Page } from "@playwright/test";
import { FIXTURE_PASSWORD, FIXTURE_RANGE, FIXTURE_USERS } from "../analytics/fixture";
import { geminiDouble } from "../live/double";
import { saveTestKey } from "../live/gemini-key";
import { fillHistory } from "../sessions/screenshot-history";
import { LivePage } from "../live/live-page";
import { setRecording } from "../live/recording";
import { APP_BASE_URL } from "./ports";
import { EXTRA_SCREENSHOT_PAGES } from "./screenshot-pages-extra";

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
  { name: "forgot-password", path: "/forgot-password", as: "visitor" },
  { name: "reset-password", path: "/reset-password?token=screenshot-token", as: "visitor" },
  { name: "reset-password-spent", path: "/reset-password?error=INVALID_TOKEN", as: "visitor" },
  { name: "sign-in-after-reset", path: "/sign-in?reset=1", as: "visitor" },
  {
    name: "settings-delete-account",
    path: "/settings",
    as: "member",
    prepare: async (page) => {
      await page.getByTestId("delete-account-open").click();
      await page.getByTestId("delete-account-dialog").waitFor();
    },
  },
  { name: "settings", path: "/settings", as: "member" },
  { name: "memory-empty", path: "/memory", as: "member" },
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
  { name: "admin-users", path: "/admin/users", as: "admin" },
  {
    name: "admin-user-banned",
    path: "/admin/users",
    as: "admin",
    prepare: async (page) => {
      await openUser(page, "Alan Turing");
      // Every scheme and width photographs the same account: only the first shot acts on it.
      if (await page.getByTestId("action-ban").isVisible()) {
        await page.getByTestId("action-revoke").click();
        await confirm(page, /out everywhere/);
        await page.getByTestId("action-ban").click();
        await page.getByRole("dialog", { name: /^Ban / }).getByLabel("Reason").fill("Repeated abusive messages reported by three users");
        await page.getByRole("dialog", { name: /^Ban / }).getByLabel("Duration").selectOption({ label: "30 days" });
        await confirm(page, /^Ban /);
      }
      await page.getByTestId("ban-notice").waitFor();
      await page.getByTestId("audit-entry").nth(1).waitFor();
      // The toast fades on its own; the picture is of the page.
      await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached" });
    },
  },
  {
    name: "admin-user-ban-dialog",
    path: "/admin/users",
    as: "admin",
    prepare: async (page) => {
      await openUser(page, "Katherine Johnson");
      await page.getByTestId("action-ban").click();
      await page.getByRole("dialog", { name: /^Ban / }).getByLabel("Reason").fill("Sharing account credentials");
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
  { name: "sessions-empty", path: "/sessions", as: "member" },
  {
    name: "sessions-full",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await fillHistory(page);
      await page.goto("/sessions");
      await page.getByTestId("history-row").first().waitFor();
    },
  },
  {
    name: "sessions-searching",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await fillHistory(page);
      await page.goto("/sessions?q=sourdough%20or%20starter");
      await page.getByTestId("history-hit").first().waitFor();
    },
  },
  {
    // A title (and summary) match beside a line match.
    name: "sessions-searching-title",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await fillHistory(page);
      await page.goto("/sessions?q=interview");
      await page.getByTestId("history-hit").first().waitFor();
    },
  },
  { name: "replay-audio", path: "/settings", as: "member", prepare: (page) => openReplay(page, { recorded: true }) },
  { name: "replay-no-audio", path: "/settings", as: "member", prepare: (page) => openReplay(page, { recorded: false }) },
  { name: "replay-not-found", path: "/sessions/00000000-0000-4000-8000-000000000000", as: "member" },
  { name: "personas-empty", path: "/personas", as: "visitor", prepare: signInFresh("/personas") },
  { name: "personas", path: "/personas", as: "member", prepare: withPersonas },
  {
    name: "persona-edit",
    path: "/personas",
    as: "member",
    prepare: async (page) => {
      await withPersonas(page);
      await page.getByTestId("persona-edit").first().click();
      await page.getByTestId("persona-preview").waitFor();
    },
  },
  {
    name: "live-persona",
    path: "/settings",
    as: "admin",
    prepare: async (page) => {
      await saveTestKey(page);
      await withPersonas(page);
      const id = await page.getByTestId("persona-card").first().getAttribute("data-persona-id");
      await page.goto(`/live?persona=${id}`);
      await page.getByTestId("live-persona").waitFor();
    },
  },
  { name: "persona-new", path: "/personas/new", as: "member", prepare: async (page) => void (await page.getByTestId("persona-form").waitFor()) },
  {
    // A name as long as the form takes, in one unbroken word: it must wrap, not widen the page.
    name: "personas-long-name",
    path: "/personas",
    as: "visitor",
    prepare: async (page) => {
      await signInFresh("/personas")(page);
      await page.goto("/personas/new");
      await page.getByTestId("persona-field-name").fill("Überlangerpersonennamedernichtumbrichtundtrotzdempasst".slice(0, 60));
      await page.getByTestId("persona-save").click();
      await page.waitForURL(/\/personas$/);
      await page.getByTestId("persona-card").first().waitFor();
    },
  },
  {
    // A long key name in one word, and the new key shown once: neither may widen the page at 390 px.
    name: "api-keys",
    path: "/settings/api-keys",
    as: "visitor",
    prepare: async (page) => {
      await signInFresh("/settings/api-keys", "create-api-key-form")(page);
      await page.getByTestId("api-key-name").fill("Homeautomationbridgeinthegaragethatreadstranscriptsnightly");
      await page.getByTestId("create-api-key").click();
      await page.getByTestId("new-api-key-value").waitFor();
    },
  },
  { name: "api-reference", path: "/docs/api", as: "visitor", prepare: async (page) => void (await page.getByText("LiveMind API").first().waitFor()) },
  ...EXTRA_SCREENSHOT_PAGES,
];

/** The viewer's persona list, with two made from the gallery the first time. */
async function withPersonas(page: Page) {
  await page.goto("/personas");
  if ((await page.getByTestId("persona-card").count()) === 0) {
    for (const key of ["spanish-tutor", "storyteller"]) {
      await page.getByTestId(`gallery-${key}`).getByTestId("gallery-use").click();
      await page.getByTestId("persona-form").waitFor();
      await page.goto("/personas");
    }
  }
  await page.getByTestId("persona-card").first().waitFor();
}

/** A brand-new account (nothing made yet), signed in on this page's context. */
function signInFresh(path: string, ready = "personas-empty") {
  return async (page: Page) => {
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const account = { name: "Ada Lovelace", email: `ada.${suffix}@example.com`, password: `pw-${suffix}-long-enough` };
    await page.request.post("/api/auth/sign-up/email", { data: account, headers: { origin: APP_BASE_URL } });
    const response = await page.request.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password }, headers: { origin: APP_BASE_URL } });
    if (!response.ok()) throw new Error(`fresh sign-in: ${response.status()}`);
    await page.goto(path);
    await page.getByTestId(ready).waitFor();
  };
}

async function openUser(page: Page, name: string) {
  await page.getByRole("searchbox", { name: "Search users" }).fill(name);
  await page.getByRole("searchbox", { name: "Search users" }).press("Enter");
  await page.waitForURL(/\?q=/);
  await page.getByTestId("user-link").filter({ hasText: name }).first().click();
  await page.getByTestId("user-facts").waitFor();
}

async function confirm(page: Page, dialog: RegExp) {
  const open = page.getByRole("dialog", { name: dialog });
  await open.getByTestId("confirm-submit").click();
  await open.waitFor({ state: "hidden" });
}

// A conversation worth looking at: varied lines, and an answer cut short by the next question.
const REPLAY_SCRIPT = {
  turns: [
    { inputTranscript: "Hello! Can you see the plant on my desk?", replyText: "I can. It looks like a pothos, and the leaves are a healthy green." },
    {
      inputTranscript: "How often should I water it?",
      replyText: "About once a week, when the top few centimetres of soil feel dry. In winter it needs less, so every ten days or so is plenty, and make sure the pot drains well.",
      replyAudioMs: 6000,
    },
    { inputTranscript: "Sorry, and how much light does it need?", replyText: "Bright, indirect light is best. A metre or two from a window is ideal." },
  ],
};

/** Conversations held once per run and photographed at every size and scheme. */
const heldConversations = new Map<string, string>();

/** Holds a short conversation (once), then opens its replay with its third line chosen. */
async function openReplay(page: Page, { recorded }: { recorded: boolean }) {
  const key = recorded ? "recorded" : "transcript";
  let sessionId = heldConversations.get(key);
  if (!sessionId) {
    await saveTestKey(page);
    await setRecording(page, { audio: recorded, frames: recorded });
    await geminiDouble.script(REPLAY_SCRIPT);
    const live = new LivePage(page);
    await live.goto();
    await live.setCamera(recorded);
    sessionId = await live.startConversation();
    await live.waitForCompletedAnswers(2);
    await live.waitForTurnsStored();
    await live.stopConversation();
    await geminiDouble.reset();
    heldConversations.set(key, sessionId);
  }
  // A click rather than ?turn=, which would scroll: a full-page picture is taken from the top.
  await page.goto(`/sessions/${sessionId}`);
  await page.getByTestId("replay-turn").nth(2).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  if (recorded) {
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-testid^="replay-frame"]')].every((image) => image.complete && image.naturalWidth > 0),
    );
  }
}

export const SCREENSHOT_WIDTHS = [1280, 390] as const;
export const SCREENSHOT_SCHEMES = ["light", "dark"] as const;
