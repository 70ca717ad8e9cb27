import { beforeAll, expect, it } from "vitest";
import { apiRequests } from "../schema";
import { describeEachDriver } from "../test/drivers";
import { createTestUser } from "../test/fixtures";
import { createApiKey } from "./api-keys";
import { getAdminApiUsage } from "./api-usage-admin";

/* The admin API tile's figures, exact, from a fixed request log in June 2031 (nothing else in these tests writes then). */

const range = { from: "2031-06-10", to: "2031-06-12" };
const at = (iso: string) => new Date(iso);

describeEachDriver("admin API usage", ({ db }) => {
  let adminId: string;
  let memberId: string;
  let keyIds: string[];
  beforeAll(async () => {
    adminId = (await createTestUser(db(), { role: "admin" })).id;
    const [a, b] = [await createTestUser(db()), await createTestUser(db())];
    memberId = a.id;
    const input = { name: "k", scopes: ["sessions:read" as const] };
    const keyA = (await createApiKey(db(), { userId: a.id, input })).apiKey.id;
    const keyB = (await createApiKey(db(), { userId: b.id, input })).apiKey.id;
    keyIds = [keyA, keyB];
    const noon = at("2031-06-11T12:00:00Z");
    const row = (keyId: string, userId: string, method: string, route: string, status: number, durationMs: number, createdAt = noon) => ({ keyId, userId, method, route, status, durationMs, errorCode: status >= 400 ? "x" : null, createdAt });
    await db()
      .insert(apiRequests)
      .values([
        // GET /sessions: 10 requests, 10…100 ms, one rate-limited.
        ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((ms, i) => row(keyA, a.id, "GET", "/api/v1/sessions", i === 3 ? 429 : 200, ms)),
        // GET /sessions/{id}: 5 requests, one 404 and one 500.
        ...[200, 300, 400, 500, 1000].map((ms, i) => row(keyB, b.id, "GET", "/api/v1/sessions/{id}", [200, 200, 404, 500, 200][i]!, ms)),
        // POST /memories: 3 requests, one refused input.
        ...[15, 25, 35].map((ms, i) => row(keyA, a.id, "POST", "/api/v1/memories", i === 2 ? 400 : 201, ms)),
        // Just outside the UTC range on both sides; the first falls inside it in Berlin (UTC+2).
        row(keyA, a.id, "GET", "/api/v1/sessions", 200, 5, at("2031-06-09T23:59:59Z")),
        row(keyA, a.id, "GET", "/api/v1/sessions", 500, 9999, at("2031-06-13T00:00:00Z")),
      ]);
  });

  it("counts requests, errors, nearest-rank p50/p95 and the busiest routes over the range", async () => {
    const usage = await getAdminApiUsage(db(), { actorId: adminId, ...range, timeZone: "UTC" });
    // 18 durations sorted: 10 15 20 25 30 35 40 50 60 70 80 90 100 200 300 400 500 1000;
    // p50 = rank ceil(0.5·18) = 9 → 60; p95 = rank ceil(0.95·18) = 18 → 1000.
    expect(usage).toEqual({
      requests: 18,
      errors: 4,
      serverErrors: 1,
      errorRate: 4 / 18,
      p50Ms: 60,
      p95Ms: 1000,
      keysUsed: 2,
      routesUsed: 3,
      topRoutes: [
        { method: "GET", route: "/api/v1/sessions", requests: 10, errors: 1, p95Ms: 100 },
        { method: "GET", route: "/api/v1/sessions/{id}", requests: 5, errors: 2, p95Ms: 1000 },
        { method: "POST", route: "/api/v1/memories", requests: 3, errors: 1, p95Ms: 35 },
      ],
    });
    // Aggregates only: no key or user appears anywhere in the answer.
    const text = JSON.stringify(usage);
    for (const id of [...keyIds, memberId]) expect(text).not.toContain(id);
  });

  it("counts days in the viewer's zone", async () => {
    const berlin = await getAdminApiUsage(db(), { actorId: adminId, ...range, timeZone: "Europe/Berlin" });
    // The 5 ms request joins: 19 durations, p50 = rank ceil(0.5·19) = 10 → 60 (5 10 15 20 25 30 35 40 50 60 …).
    expect(berlin).toMatchObject({ requests: 19, errors: 4, p50Ms: 60, p95Ms: 1000, routesUsed: 3 });
    expect(berlin.topRoutes[0]).toEqual({ method: "GET", route: "/api/v1/sessions", requests: 11, errors: 1, p95Ms: 100 });
  });

  it("answers an empty range with zeros and no rates", async () => {
    expect(await getAdminApiUsage(db(), { actorId: adminId, from: "2031-01-01", to: "2031-01-07", timeZone: "UTC" })).toEqual({
      requests: 0,
      errors: 0,
      serverErrors: 0,
      errorRate: null,
      p50Ms: null,
      p95Ms: null,
      keysUsed: 0,
      routesUsed: 0,
      topRoutes: [],
    });
  });

  it("refuses anyone who is not an admin", async () => {
    await expect(getAdminApiUsage(db(), { actorId: memberId, ...range, timeZone: "UTC" })).rejects.toMatchObject({ code: "not_found:admin" });
  });
});
