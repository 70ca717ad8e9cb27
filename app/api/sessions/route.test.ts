import { beforeEach, expect, it, vi } from "vitest";
import { encodeCursor } from "@/db/queries/history";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { storeConversation } from "@/db/test/history-fixtures";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { GET: list } = await import("./route");
const { GET: search } = await import("./search/route");

const get = (handler: (request: Request) => Promise<Response>, query: Record<string, string>) =>
  handler(new Request(`http://localhost/api/sessions?${new URLSearchParams(query)}`));

describeEachDriver("GET /api/sessions and /api/sessions/search: bad input is a 400, never a 500", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    acting.userId = (await createTestUser(db())).id;
    await storeConversation(db(), { userId: acting.userId, startedAt: new Date("2030-01-01T10:00:00Z"), lines: ["what a sunny morning today", "fine thanks"] });
  });

  const cases: Array<[string, Record<string, string>]> = [
    ["from=2024-02-31", { from: "2024-02-31" }],
    ["to=2024-04-31", { to: "2024-04-31" }],
    ["from=0000-01-01", { from: "0000-01-01" }],
    ["tz=US/Pacific-New", { from: "2024-01-01", tz: "US/Pacific-New" }],
    ["a list cursor at 9999-99-99T99:99:99", { cursor: encodeCursor(["9999-99-99T99:99:99.000000Z", "00000000-0000-4000-8000-000000000000"]) }],
    ["a list cursor at 2026-02-30", { cursor: encodeCursor(["2026-02-30T10:00:00.000000Z", "00000000-0000-4000-8000-000000000000"]) }],
  ];

  for (const [name, query] of cases) {
    it(`list: ${name} → 400 with a message`, async () => {
      const response = await get(list, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "bad_request:input", message: expect.stringMatching(/\w/) });
    });
  }

  const searchCursor = (rank: string) => encodeCursor([rank, "2030-01-01T10:00:00.000000Z", "00000000-0000-4000-8000-000000000000"]);
  const searchCases: Array<[string, Record<string, string>]> = [
    ["a NUL byte in q", { q: "how\u0000are" }],
    ["q of 200 '-'", { q: "-".repeat(200) }],
    ...cases.filter(([name]) => !name.includes("list cursor")).map(([name, query]): [string, Record<string, string>] => [name, { q: "how", ...query }]),
    ["a search cursor ranked 1e39", { q: "how", cursor: searchCursor("1e39") }],
    ["a search cursor ranked 1e-50", { q: "how", cursor: searchCursor("1e-50") }],
    ["a search cursor ranked ' '", { q: "how", cursor: searchCursor(" ") }],
    ["a search cursor at 2026-02-30", { q: "how", cursor: encodeCursor(["0.5", "2026-02-30T10:00:00.000000Z", "00000000-0000-4000-8000-000000000000"]) }],
  ];

  for (const [name, query] of searchCases) {
    it(`search: ${name} → 4xx with a message`, async () => {
      const response = await get(search, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "bad_request:input", message: expect.stringMatching(/\w/) });
    });
  }

  it("still finds what was said, and pages with its own cursors", async () => {
    const found = await get(search, { q: "sunny", from: "2029-12-31", to: "2030-01-02", tz: "Europe/Berlin" });
    expect(found.status).toBe(200);
    expect((await found.json()).items).toHaveLength(1);
    const listed = await get(list, { from: "2030-01-01", tz: "America/New_York" });
    expect(listed.status).toBe(200);
    expect((await listed.json()).items).toHaveLength(1);
  });
});
