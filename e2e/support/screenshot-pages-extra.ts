import { expect, type Page } from "@playwright/test";
import { geminiDouble } from "../live/double";
import { saveTestKey } from "../live/gemini-key";
import { LivePage } from "../live/live-page";
import { menuPdf } from "../live/menu-pdf";
import { ApiKeysPage } from "../pages/api-keys-page";
import { drawnPng } from "../pages/personas-page";
import { APP_BASE_URL } from "./ports";
import type { ScreenshotPage } from "./screenshot-pages";

/*
 * Screenshots of persona pictures, a knowledge passage, the admin API tile and the admin
 * alerts and operators views. Each prepares its state once per run (module state: the shots of
 * a file run in order in one worker) and photographs it at every size and scheme.
 */

const prepared = { pictures: false, apiCalls: false };
let passageSession: string | null = null;

/** The member's personas, the first two with pictures. */
async function personasWithPictures(page: Page) {
  await page.goto("/personas");
  if ((await page.getByTestId("persona-card").count()) === 0) {
    for (const key of ["spanish-tutor", "storyteller", "interview-coach"]) {
      await page.getByTestId(`gallery-${key}`).getByTestId("gallery-use").click();
      await page.getByTestId("persona-form").waitFor();
      await page.goto("/personas");
    }
  }
  if (!prepared.pictures) {
    const ids = await page.getByTestId("persona-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-persona-id")!));
    for (const [i, id] of ids.slice(0, 2).entries()) {
      const response = await page.request.put(`/api/personas/${id}/picture`, { data: await drawnPng(page, ["#b45309", "#0f766e"][i]!), headers: { "content-type": "image/png", origin: APP_BASE_URL } });
      if (!response.ok()) throw new Error(`picture upload: ${response.status()}`);
    }
    prepared.pictures = true;
    await page.reload();
  }
  await page.getByTestId("persona-picture").first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="persona-picture"]')].every((image) => image.complete && image.naturalWidth > 0));
}

/** A conversation (held once) whose answer came from a PDF; its replay with the passage open. */
async function openPassage(page: Page) {
  if (!passageSession) {
    await saveTestKey(page);
    await page.goto("/personas");
    await page.getByTestId("gallery-storyteller").getByTestId("gallery-use").click();
    await page.waitForURL(/\/personas\/[0-9a-f-]{36}$/);
    const personaId = page.url().split("/").at(-1)!;
    await page.getByLabel("Upload documents").setInputFiles({ name: "Menu.pdf", mimeType: "application/pdf", buffer: await menuPdf() });
    await expect(page.getByTestId("knowledge-document").filter({ hasText: "Menu.pdf" })).toContainText("Ready", { timeout: 30_000 });
    await geminiDouble.reset();
    await geminiDouble.script({ inputTranscript: "When is the lemon tart baked?", toolCall: { phrase: "lemon tart", name: "search_knowledge", args: { query: "lemon tart baked" } } });
    await page.goto(`/live?persona=${personaId}`);
    const live = new LivePage(page);
    passageSession = await live.startConversation();
    await expect(live.turn("model", { final: true }).last()).toContainText("According to Menu.pdf", { timeout: 30_000 });
    await live.muteAndLetAnswersFinish();
    await live.waitForTurnsStored();
    await live.stopConversation();
    await geminiDouble.script({});
  }
  await page.goto(`/sessions/${passageSession}`);
  await page.getByTestId("replay-knowledge-sources").getByRole("button", { name: "Menu.pdf, page 3" }).click();
  await page.getByTestId("knowledge-passage-text").waitFor();
}

/** The admin's own key, used for a handful of requests (some refused), so the API tile has figures. */
async function withApiRequests(page: Page) {
  if (!prepared.apiCalls) {
    const keys = new ApiKeysPage(page);
    await keys.gotoFromSettings();
    const key = await keys.create("Dashboard screenshot", ["sessions:read"]);
    const call = (path: string) => page.request.get(path, { headers: { authorization: `Bearer ${key}` } });
    for (let i = 0; i < 6; i++) await call("/api/v1/sessions");
    await call("/api/v1/sessions/00000000-0000-4000-8000-000000000000");
    await call("/api/v1/memories");
    await call("/api/v1/insights");
    prepared.apiCalls = true;
  }
  await page.goto("/admin");
  await page.getByTestId("chart-api-usage").waitFor();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" }).catch(() => {});
}

export const EXTRA_SCREENSHOT_PAGES: ScreenshotPage[] = [
  { name: "personas-pictures", path: "/personas", as: "member", prepare: personasWithPictures },
  {
    name: "persona-edit-picture",
    path: "/personas",
    as: "member",
    prepare: async (page) => {
      await personasWithPictures(page);
      await page.getByTestId("persona-edit").first().click();
      await page.getByTestId("persona-picture-control").waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="persona-picture"]')].every((image) => image.complete && image.naturalWidth > 0));
    },
  },
  { name: "knowledge-passage", path: "/settings", as: "member", prepare: openPassage },
  { name: "admin-api-usage", path: "/admin", as: "admin", prepare: withApiRequests },
  { name: "admin-alerts", path: "/admin/alerts", as: "admin" },
  { name: "admin-operators", path: "/admin/operators", as: "admin" },
];
