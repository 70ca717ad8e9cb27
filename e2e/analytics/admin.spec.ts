import { ADMIN_ACCOUNT, storageStatePath } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { saveTestKey } from "../live/gemini-key";
import { LivePage } from "../live/live-page";
import { AnalyticsPage } from "../pages/analytics-page";
import { EXPECTED, FIXTURE_RANGE, FIXTURE_SECRET_TEXT, FIXTURE_TIME_ZONE, FIXTURE_USERS } from "./fixture";

const ADMIN_CHARTS = ["activity", "latency", "tokens", "heatmap", "voices", "personas", "models", "users", "error-rate", "top-users", "errors"];

async function openAdmin(browser: import("@playwright/test").Browser, storageState: string) {
  const context = await browser.newContext({ storageState, timezoneId: FIXTURE_TIME_ZONE, acceptDownloads: true });
  const page = await context.newPage();
  const admin = new AnalyticsPage(page);
  await admin.open("/admin", { ...FIXTURE_RANGE, zone: FIXTURE_TIME_ZONE });
  return { context, page, admin };
}

const adminState = () => storageStatePath(ADMIN_ACCOUNT.email);

test("Admin shows the fixture's numbers across all users for its week", async ({ browser }) => {
  const { context, page, admin } = await openAdmin(browser, adminState());
  const t = EXPECTED.all.totals;
  await expect(admin.stat("conversations")).toHaveText(String(t.conversations));
  await expect(admin.stat("minutes")).toHaveText(String(t.minutes));
  await expect(admin.stat("error-rate")).toHaveText("33.3%");
  await expect(admin.stat("response-p95")).toHaveText("2,050 ms");
  await expect(page.getByTestId("stat-response-p95")).toContainText("p50 900 ms · p99 5,000 ms");
  await expect(admin.stat("dau")).toHaveText(String(EXPECTED.all.activeUsers.dau));
  await expect(admin.stat("wau")).toHaveText(String(EXPECTED.all.activeUsers.wau));
  await expect(admin.stat("mau")).toHaveText(String(EXPECTED.all.activeUsers.mau));
  await expect(admin.stat("signups")).toHaveText("2");
  await expect(admin.stat("tokens")).toHaveText("15K");
  await expect(page.getByTestId("stat-tokens")).toContainText("5,800 in · 9,150 out");

  const rows = page.getByTestId("top-users-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-email", FIXTURE_USERS.gus.email);
  await expect(rows.nth(0).getByTestId("top-users-minutes")).toHaveText("20");
  await expect(rows.nth(1).getByTestId("top-users-minutes")).toHaveText("17");
  await expect(page.getByTestId("errors-item")).toHaveCount(1);
  await expect(page.getByTestId("errors-count")).toHaveText("2");
  await expect(page.getByTestId("personas-item")).toHaveText([/Default companion/, /Custom persona/]);
  await expect(page.getByTestId("voices-count")).toHaveText(EXPECTED.all.voices.map((v) => String(v.conversations)));

  const activity = await admin.tableRows("activity");
  const nonZero = Object.fromEntries(activity.slice(1).filter((r) => r[1] !== "0").map((r) => [r[0], [Number(r[1]), Number(r[2])]]));
  expect(nonZero).toEqual(EXPECTED.all.activity);
  const latency = await admin.tableRows("latency");
  expect(latency[0]).toEqual(["Day", "p50 (ms)", "p95 (ms)", "p99 (ms)", "Answers"]);
  expect(latency.find((r) => r[0] === "2025-03-12")).toEqual(["2025-03-12", "1150", "2050", "5000", "23"]);

  // Aggregates and metadata only: nothing anyone said, no persona name.
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const text = await page.locator("main").innerText();
  expect(text).not.toContain(FIXTURE_SECRET_TEXT);
  expect(text).not.toContain("Study buddy");
  await context.close();
});

test("every Admin CSV holds the numbers its chart shows, and none holds what was said", async ({ browser }) => {
  const { context, admin } = await openAdmin(browser, adminState());
  for (const chart of ADMIN_CHARTS) {
    const csv = await admin.downloadCsv(chart);
    expect(csv, chart).toEqual(await admin.tableRows(chart));
    expect(JSON.stringify(csv)).not.toContain(FIXTURE_SECRET_TEXT);
  }
  await context.close();
});

test("a member gets 404 on /admin and on every admin analytics route and CSV", async ({ newUser }) => {
  const { page } = await newUser("Nosy");
  expect((await page.goto("/admin?range=custom&from=2025-03-10&to=2025-03-16"))?.status()).toBe(404);
  const urls = [
    "/api/admin/analytics/active-sessions",
    ...ADMIN_CHARTS.map((chart) => `/api/admin/analytics/csv?chart=${chart}&range=custom&from=2025-03-10&to=2025-03-16`),
    `/api/admin/analytics/csv?chart=activity&userId=${FIXTURE_USERS.fran.id}`,
    "/api/admin/analytics/csv?chart=nope",
  ];
  for (const url of urls) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).not.toContain("Fixture");
  }
});

test("active sessions now: a conversation appears within seconds of starting and leaves when it stops", async ({ admin, newUser }) => {
  test.setTimeout(90_000);
  const talker = await newUser("Talker");
  await saveTestKey(talker.page);
  const live = new LivePage(talker.page);
  await live.goto();

  await admin.page.goto("/admin");
  const active = admin.page.getByTestId("active-session").filter({ hasText: talker.account.email });
  await expect(active).toHaveCount(0);
  await live.startConversation();
  // No reload: the tile polls.
  await expect(active).toHaveCount(1, { timeout: 20_000 });
  await expect(active).toContainText("Talking");
  await expect(active).not.toContainText(FIXTURE_SECRET_TEXT);
  await live.stopConversation();
  await expect(active).toHaveCount(0, { timeout: 20_000 });
});

test("the drill-down CSV covers one user, admins only", async ({ admin }) => {
  const query = `chart=activity&range=custom&from=${FIXTURE_RANGE.from}&to=${FIXTURE_RANGE.to}&tz=${encodeURIComponent(FIXTURE_TIME_ZONE)}`;
  const fran = await admin.page.request.get(`/api/admin/analytics/csv?${query}&userId=${FIXTURE_USERS.fran.id}`);
  expect(fran.status()).toBe(200);
  expect(fran.headers()["content-type"]).toContain("text/csv");
  const text = await fran.text();
  expect(text).toContain("2025-03-12,2,7");
  expect(text).toContain("2025-03-10,1,10");
  const everyone = await admin.page.request.get(`/api/admin/analytics/csv?chart=top-users&userId=${FIXTURE_USERS.fran.id}`);
  expect(everyone.status()).toBe(400);
});
