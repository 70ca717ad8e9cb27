import { expect, type Locator, type Page } from "@playwright/test";

/** Insights and the Admin dashboard share their tiles, charts and range picker. */
export class AnalyticsPage {
  readonly timeZone: Locator;

  constructor(readonly page: Page) {
    this.timeZone = page.getByTestId("time-zone");
  }

  /** Opens a custom range and waits until the page counts its days in `zone` (set by the browser's cookie). */
  async open(path: "/insights" | "/admin", { from, to, zone }: { from: string; to: string; zone: string }) {
    const response = await this.page.goto(`${path}?${new URLSearchParams({ range: "custom", from, to })}`);
    await expect(this.timeZone).toHaveText(zone);
    return response;
  }

  stat(key: string): Locator {
    return this.page.getByTestId(`stat-${key}-value`);
  }

  chart(id: string): Locator {
    return this.page.getByTestId(`chart-${id}`);
  }

  /** The chart's numbers as the page shows them in its table, header row first. */
  async tableRows(id: string): Promise<string[][]> {
    const chart = this.chart(id);
    if ((await chart.locator("details").getAttribute("open")) === null) await chart.getByTestId(`${id}-show-table`).click();
    const table = chart.getByTestId(`${id}-table`);
    await expect(table).toBeVisible();
    return table.locator("tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent ?? "")));
  }

  async csvHref(id: string): Promise<string> {
    return (await this.chart(id).getByTestId(`${id}-csv`).getAttribute("href")) as string;
  }

  /** Downloads a chart's CSV through its link, as a person would, and parses it. */
  async downloadCsv(id: string): Promise<string[][]> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.chart(id).getByTestId(`${id}-csv`).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return parseCsv(Buffer.concat(chunks).toString("utf8"));
  }
}

/** Enough of RFC 4180 for the app's CSV: quoted cells with doubled quotes, CRLF lines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}
