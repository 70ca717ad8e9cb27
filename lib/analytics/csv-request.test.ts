import { describe, expect, it } from "vitest";
import { parseCsvQuery } from "./csv-request";

const CHARTS = ["activity", "latency"] as const;
const parse = (query: string, allowUser = false) => parseCsvQuery(new URL(`http://x/csv?${query}`), CHARTS, { allowUser });

describe("CSV download links", () => {
  it("reads the chart, a custom range and the zone", () => {
    expect(parse("chart=latency&range=custom&from=2025-03-10&to=2025-03-16&tz=Europe%2FBerlin")).toEqual({
      chart: "latency",
      range: { from: "2025-03-10", to: "2025-03-16", timeZone: "Europe/Berlin" },
      userId: null,
    });
    expect(parse("chart=activity&userId=u1", true).userId).toBe("u1");
    expect(parse("chart=activity&range=7d").range.timeZone).toBe("UTC");
  });

  it("answers bad input with bad_request:input", () => {
    for (const query of ["", "chart=nope", "chart=activity&tz=Nowhere/City", "chart=activity&range=custom&to=2025-03-01", "chart=activity&extra=1", "chart=activity&userId=u1"]) {
      expect(() => parse(query), query).toThrow(expect.objectContaining({ code: "bad_request:input" }));
    }
  });
});
