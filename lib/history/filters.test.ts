import { describe, expect, it } from "vitest";
import { parseHistoryFilters } from "./filters";

describe("the Sessions page's filters", () => {
  it("drop what Postgres could not take, so the page still opens", () => {
    const filters = parseHistoryFilters({ q: "rice\u0000beans", from: "2024-02-31", to: "0000-01-01", tz: "US/Pacific-New", status: "ended" });
    expect(filters).toEqual({ q: undefined, status: "ended", from: undefined, to: undefined, tz: undefined });
    expect(parseHistoryFilters({ from: "2024-04-31" }).from).toBeUndefined();
  });

  it("keep what is valid, and fold a run of negations websearch_to_tsquery cannot hold", () => {
    expect(parseHistoryFilters({ q: " rice ", from: "2024-02-29", tz: "Asia/Calcutta" })).toMatchObject({ q: "rice", from: "2024-02-29", tz: "Asia/Calcutta" });
    expect(parseHistoryFilters({ q: "-".repeat(200) }).q).toBeUndefined();
    expect(parseHistoryFilters({ q: "rice ---beans" }).q).toBe("rice  -beans");
    expect(parseHistoryFilters({ q: "rice --beans" }).q).toBe("rice  beans");
    expect(parseHistoryFilters({ q: "well-known -\"big cat\"" }).q).toBe("well-known -\"big cat\"");
  });
});
