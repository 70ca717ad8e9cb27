import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { GET } = await import("./route");

const get = (query: Record<string, string>) => GET(new Request(`http://localhost/api/admin/analytics/csv?${new URLSearchParams(query)}`));

describeEachDriver("GET /api/admin/analytics/csv with input Postgres cannot take", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    Object.assign(acting, { userId: (await createTestUser(db(), { role: "admin" })).id, role: "admin" });
  });

  it.each([
    ["a NUL byte in userId", { chart: "activity", userId: "abc\u0000" }],
    ["tz=US/Pacific-New", { chart: "activity", tz: "US/Pacific-New" }],
    ["from=0000-01-01", { chart: "activity", range: "custom", from: "0000-01-01", to: "0000-01-05" }],
  ])("answers 400 for %s", async (_label, query) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_request:input", message: expect.stringMatching(/\w/) });
  });
});
