import path from "node:path";
import { test } from "@playwright/test";
import { ADMIN_ACCOUNT, createAccount, storageStatePath, type CreatedAccount } from "../fixtures/accounts";
import { SCREENSHOT_PAGES, SCREENSHOT_SCHEMES, SCREENSHOT_WIDTHS, type Viewer } from "./screenshot-pages";

/* Run by `npm run screenshots` only: pictures for people to look at, not assertions. */

const OUT_DIR = path.join("e2e", ".artifacts", "screenshots");

// Real-looking people, so the admin list and the account card look like a deployment in use.
const PEOPLE = [
  { name: "Grace Hopper", email: "grace.hopper" },
  { name: "Alan Turing", email: "alan.turing" },
  { name: "Katherine Johnson", email: "katherine.johnson" },
];

let member: CreatedAccount | undefined;

test.beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const created = [];
  for (const person of PEOPLE) {
    created.push(await createAccount({ name: person.name, email: `${person.email}.${suffix}@example.com`, password: `pw-${suffix}-long-enough` }));
  }
  member = created[0];
});

const storageStateFor = (viewer: Viewer) =>
  viewer === "visitor" ? undefined : viewer === "admin" ? storageStatePath(ADMIN_ACCOUNT.email) : member?.storageState;

for (const shot of SCREENSHOT_PAGES) {
  for (const colorScheme of SCREENSHOT_SCHEMES) {
    for (const width of SCREENSHOT_WIDTHS) {
      const file = `${shot.name}-${colorScheme}-${width}.png`;
      test(file, async ({ browser }) => {
        const context = await browser.newContext({
          colorScheme,
          viewport: { width, height: width < 600 ? 844 : 800 },
          storageState: storageStateFor(shot.as),
        });
        const page = await context.newPage();
        await page.goto(shot.path);
        await page.evaluate(() => document.fonts.ready);
        await shot.prepare?.(page);
        await page.screenshot({ path: path.join(OUT_DIR, file), fullPage: true, animations: "disabled" });
        await context.close();
      });
    }
  }
}
