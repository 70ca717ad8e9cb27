import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, splitSnippet } from "./snippet";

describe("splitSnippet", () => {
  it("splits the marked words from the plain text around them", () => {
    expect(splitSnippet(`the ${S}brown${E} ${S}fox${E} jumps`)).toEqual([
      { text: "the ", match: false },
      { text: "brown", match: true },
      { text: " ", match: false },
      { text: "fox", match: true },
      { text: " jumps", match: false },
    ]);
  });

  it("keeps markup in the user's words as text", () => {
    expect(splitSnippet(`<img src=x onerror=alert(1)> ${S}fox${E}`)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "fox", match: true },
    ]);
  });

  it("treats an unclosed marker as a match to the end and a stray end marker as nothing", () => {
    expect(splitSnippet(`a ${S}fox`)).toEqual([
      { text: "a ", match: false },
      { text: "fox", match: true },
    ]);
    expect(splitSnippet(`a${E}b`)).toEqual([{ text: "ab", match: false }]);
  });
});
