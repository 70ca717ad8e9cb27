import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** The Sessions page as a person uses it: search, filters, the list and what each row offers. */
export class SessionsPage {
  readonly search: Locator;
  readonly status: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly rows: Locator;
  readonly hits: Locator;
  readonly empty: Locator;
  readonly noResults: Locator;
  readonly dialog: Locator;
  readonly bulkDelete: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId("history-search");
    this.status = page.getByTestId("history-status");
    this.from = page.getByTestId("history-from");
    this.to = page.getByTestId("history-to");
    this.rows = page.getByTestId("history-row");
    this.hits = page.getByTestId("history-hit");
    this.empty = page.getByTestId("history-empty");
    this.noResults = page.getByTestId("history-no-results");
    this.dialog = page.getByTestId("confirm-dialog");
    this.bulkDelete = page.getByTestId("history-bulk-delete");
  }

  async goto(query = "") {
    await this.page.goto(`/sessions${query}`);
    await expect(this.page.getByRole("heading", { name: "Sessions", level: 1 })).toBeVisible();
  }

  row(sessionId: string): Locator {
    return this.page.locator(`[data-testid="history-row"][data-session-id="${sessionId}"]`);
  }

  title(sessionId: string): Locator {
    return this.row(sessionId).getByTestId("history-row-title");
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.search.press("Enter");
    await expect(this.page).toHaveURL((url) => url.searchParams.get("q") === text.trim());
  }

  async rename(sessionId: string, title: string) {
    await this.row(sessionId).getByTestId("history-rename").click();
    const input = this.row(sessionId).getByTestId("history-rename-input");
    await input.fill(title);
    await input.press("Enter");
    await expect(input).toHaveCount(0);
  }

  async askToDelete(sessionId: string) {
    await this.row(sessionId).getByTestId("history-delete").click();
    await expect(this.dialog).toBeVisible();
  }

  async confirm() {
    await this.dialog.getByTestId("confirm-submit").click();
    await expect(this.dialog).toBeHidden();
  }

  async select(sessionId: string) {
    await this.row(sessionId).getByTestId("history-row-select").check();
  }

  /** Opens a row's export menu, clicks the format and returns the downloaded file's name and text. */
  async export(sessionId: string, format: "md" | "json"): Promise<{ name: string; text: string }> {
    await this.row(sessionId).getByTestId("history-export").click();
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId(`history-export-${format}`).click()]);
    return readDownload(download);
  }
}

export async function readDownload(download: Download): Promise<{ name: string; text: string }> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}
