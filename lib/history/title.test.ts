import { describe, expect, it } from "vitest";
import { UNTITLED, displayTitle, lineStart } from "./title";

describe("displayTitle", () => {
  it("prefers the user's title, then the first line, then a placeholder", () => {
    expect(displayTitle({ title: " Trip plans ", firstLine: "hello" })).toBe("Trip plans");
    expect(displayTitle({ title: null, firstLine: "Tell me about  the\nmoon" })).toBe("Tell me about the moon");
    expect(displayTitle({ title: "   ", firstLine: "" })).toBe(UNTITLED);
  });

  it("cuts a long first line at a word boundary", () => {
    const line = "Could you help me plan a week of dinners that are quick to make and cheap to buy";
    const title = lineStart(line);
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(61);
    expect(line.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).toBe("Could you help me plan a week of dinners that are quick to");
  });
});
