import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";

const state = vi.hoisted(() => ({ adminId: null as string | null, db: null as unknown }));

vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  const admin = async () => {
    if (!state.adminId) throw new AppError("unauthorized:auth");
    return { id: state.adminId, name: "Admin", email: "a@example.test", role: "admin" as const };
  };
  return { requireUser: admin, requireAdmin: admin };
});
vi.mock("@/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));

const { GET } = await import("./route");

const get = (query: Record<string, string>) => GET(new Request(`http://localhost/api/admin/analytics/csv?${new URLSearchParams(query)}`));

describeEachDriver("GET /api/admin/analytics/csv with input Postgres cannot take", ({ db }) => {
  beforeEach(async () => {
    state.db = db();
    state.adminId = (await createTestUser(db(), { role: "admin" })).id;
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
