import { describe, expect, it } from "vitest";
import { searchHitsLabel } from "./hit-count";

const line = { match: "line" as const };
const summary = { match: "summary" as const };

describe("searchHitsLabel", () => {
  it("counts lines and summaries apart, never a summary as a line", () => {
    expect(searchHitsLabel([line, line], false)).toBe("2 matching lines, best match first");
    expect(searchHitsLabel([line], false)).toBe("1 matching line, best match first");
    expect(searchHitsLabel([summary], false)).toBe("1 matching summary, best match first");
    expect(searchHitsLabel([summary, line, summary], false)).toBe("1 matching line and 2 matching summaries, best match first");
  });

  it("says 'more than' while another page is there", () => {
    expect(searchHitsLabel([line, summary], true)).toBe("More than 2 matches, best match first");
  });
});
