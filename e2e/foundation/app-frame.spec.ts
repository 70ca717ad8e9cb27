import { expect, test } from "../fixtures/test";
import { AppShell } from "../pages/app-shell";

test("the browser finds a favicon, and every page names its icon", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  await page.goto("/sign-in");
  const icons = page.locator('link[rel="icon"]');
  await expect(icons.first()).toBeAttached();
  for (const href of await icons.evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
});

test("on a 390 px phone every tab of the top bar is whole and on screen", async ({ admin }) => {
  const { page } = admin;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings");
  const shell = new AppShell(page);
  await expect(shell.nav).toBeVisible();
  const links = shell.nav.getByRole("link");
  await expect(links).toHaveCount(7);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box, await link.innerText()).not.toBeNull();
    expect(box!.x, await link.innerText()).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, await link.innerText()).toBeLessThanOrEqual(390);
    // The label is not clipped inside its tab either.
    expect(await link.evaluate((element) => element.scrollWidth <= element.clientWidth), await link.innerText()).toBe(true);
  }
  await expect(shell.navLink("Admin")).toBeInViewport({ ratio: 1 });
  await expect(shell.navLink("Settings")).toBeInViewport({ ratio: 1 });
});
