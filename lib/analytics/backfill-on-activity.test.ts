import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db";

const backfill = vi.hoisted(() => vi.fn());
vi.mock("@/db/queries/analytics-backfill", () => ({ backfillSessionAnalytics: backfill }));

const { backfillUserAnalyticsThrottled } = await import("./backfill-on-activity");
const db = {} as Database;

beforeEach(() => {
  backfill.mockReset();
  backfill.mockResolvedValue({ written: 0, failed: 0 });
});

it("backfills the user's own rows at most once per five minutes, per user", async () => {
  await backfillUserAnalyticsThrottled(db, "u1", 1_000_000);
  await backfillUserAnalyticsThrottled(db, "u1", 1_000_000 + 299_999);
  await backfillUserAnalyticsThrottled(db, "u2", 1_000_000 + 1);
  await backfillUserAnalyticsThrottled(db, "u1", 1_000_000 + 300_000);
  expect(backfill.mock.calls.map(([, options]) => options)).toEqual([{ userId: "u1" }, { userId: "u2" }, { userId: "u1" }]);
});

it("never throws, and logs only the error code", async () => {
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  backfill.mockRejectedValue(Object.assign(new Error("select … where user_id = 'secret text'"), { code: "57014" }));
  await expect(backfillUserAnalyticsThrottled(db, "u3", 5_000_000)).resolves.toBeUndefined();
  expect(JSON.stringify(error.mock.calls)).not.toContain("secret text");
  expect(error.mock.calls[0]?.[1]).toEqual({ code: "57014" });
  error.mockRestore();
});
