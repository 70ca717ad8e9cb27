import { signInAccount } from "../fixtures/accounts";
import { APP_BASE_URL } from "../support/ports";
import { expect, test } from "../fixtures/test";
import { AnalyticsPage, parseCsv } from "../pages/analytics-page";
import { EXPECTED, FIXTURE_PASSWORD, FIXTURE_RANGE, FIXTURE_TIME_ZONE, FIXTURE_USERS } from "./fixture";

const INSIGHTS_CHARTS = ["activity", "latency", "tokens", "heatmap", "voices", "personas"];

async function signInFran(browser: import("@playwright/test").Browser, timezoneId: string) {
  const fran = await signInAccount({ ...FIXTURE_USERS.fran, password: FIXTURE_PASSWORD });
  const context = await browser.newContext({ storageState: fran.storageState, timezoneId, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

test("Insights shows the fixture's numbers for its week, with days in the browser's zone", async ({ browser }) => {
  const { context, page } = await signInFran(browser, FIXTURE_TIME_ZONE);
  const insights = new AnalyticsPage(page);
  await insights.open("/insights", { ...FIXTURE_RANGE, zone: FIXTURE_TIME_ZONE });

  const t = EXPECTED.fran.totals;
  await expect(insights.stat("conversations")).toHaveText(String(t.conversations));
  await expect(insights.stat("minutes")).toHaveText(String(t.minutes));
  await expect(insights.stat("turns")).toHaveText(String(t.turns));
  await expect(insights.stat("response-mean")).toHaveText(`${Math.round(t.responseMeanMs)} ms`);
  await expect(insights.stat("response-p95")).toHaveText("1,200 ms");
  await expect(insights.stat("interruptions")).toHaveText(String(t.interruptions));

  // The 23:30 UTC conversation of the 11th counts on the 12th in Berlin.
  const activity = await insights.tableRows("activity");
  expect(activity[0]).toEqual(["Day", "Conversations", "Minutes"]);
  const nonZero = Object.fromEntries(activity.slice(1).filter((r) => r[1] !== "0").map((r) => [r[0], [Number(r[1]), Number(r[2])]]));
  expect(nonZero).toEqual(EXPECTED.fran.activity);

  const latency = await insights.tableRows("latency");
  expect(latency.find((r) => r[0] === "2025-03-12")?.slice(1, 3)).toEqual(["900", "1200"]);
  await expect(insights.chart("personas").getByTestId("personas-item")).toHaveText([/Default companion/, /Study buddy/]);
  await expect(insights.chart("tokens")).toContainText("Estimate");
  await context.close();
});

test("every Insights CSV holds the numbers its chart shows", async ({ browser }) => {
  const { context, page } = await signInFran(browser, FIXTURE_TIME_ZONE);
  const insights = new AnalyticsPage(page);
  await insights.open("/insights", { ...FIXTURE_RANGE, zone: FIXTURE_TIME_ZONE });
  for (const chart of INSIGHTS_CHARTS) {
    expect(await insights.downloadCsv(chart), chart).toEqual(await insights.tableRows(chart));
  }
  await context.close();
});

test("counted in UTC, the late-evening conversation stays on its own day", async ({ browser }) => {
  const { context, page } = await signInFran(browser, "UTC");
  const insights = new AnalyticsPage(page);
  await insights.open("/insights", { ...FIXTURE_RANGE, zone: "UTC" });
  const activity = await insights.tableRows("activity");
  expect(activity.filter((r) => r[1] !== "0").map((r) => r[0])).toEqual(["Day", "2025-03-10", "2025-03-11", "2025-03-12"]);
  await context.close();
});

test("a new user sees zeros and an empty state on every chart, and their CSV holds only their own numbers", async ({ newUser }) => {
  const { page } = await newUser("Quiet");
  const insights = new AnalyticsPage(page);
  await insights.open("/insights", { ...FIXTURE_RANGE, zone: "UTC" });
  await expect(insights.stat("conversations")).toHaveText("0");
  await expect(insights.stat("response-p95")).toHaveText("—");
  for (const chart of INSIGHTS_CHARTS) await expect(page.getByTestId(`${chart}-empty`), chart).toBeVisible();

  // Fran's week, asked for by someone else, is that someone's (empty) week.
  const csv = await page.request.get(await insights.csvHref("activity"));
  expect(csv.status()).toBe(200);
  const rows = parseCsv(await csv.text());
  expect(rows.slice(1).every((r) => r[1] === "0")).toBe(true);
  const withUser = await page.request.get(`/api/insights/csv?chart=activity&userId=${FIXTURE_USERS.fran.id}`);
  expect(withUser.status()).toBe(400);
});

test("Insights CSV refuses bad input with a 400 and visitors with a 401", async ({ newUser, playwright }) => {
  const { page } = await newUser("Csv");
  for (const query of ["chart=nope", "chart=activity&range=custom&from=2025-03-10", "chart=activity&tz=Mars/Base", "chart=activity&range=custom&from=2025-02-30&to=2025-03-01"]) {
    const response = await page.request.get(`/api/insights/csv?${query}`);
    expect(response.status(), query).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_request:input" });
  }
  const visitor = await playwright.request.newContext({ baseURL: APP_BASE_URL });
  expect((await visitor.get("/api/insights/csv?chart=activity")).status()).toBe(401);
  await visitor.dispose();
});
