import { describe, expect, it } from "vitest";
import { knowledgeSourcesOf, summarizeKnowledgeResult } from "./tool";

const A = "0b6f7a52-3c1d-4e2f-9a8b-1c2d3e4f5a6b";
const B = "1b6f7a52-3c1d-4e2f-9a8b-1c2d3e4f5a6b";

describe("knowledgeSourcesOf", () => {
  it("keeps each cited passage once, with its id, document and page", () => {
    const result = {
      passages: [
        { id: A, document: "Menu.pdf", page: 3, text: "Lemon tart on Fridays." },
        { id: A, document: "Menu.pdf", page: 3, text: "Lemon tart on Fridays." },
        { id: B, document: "notes.md", page: null, text: "…" },
      ],
    };
    expect(knowledgeSourcesOf(result)).toEqual([
      { chunkId: A, document: "Menu.pdf", page: 3 },
      { chunkId: B, document: "notes.md", page: null },
    ]);
    expect(summarizeKnowledgeResult(result)).toBe("Looked it up from Menu.pdf, page 3 · from notes.md");
  });

  it("drops passages without a well-formed id, and errors", () => {
    expect(knowledgeSourcesOf({ passages: [{ id: "../../etc", document: "x" }, { document: "y", page: 1 }] })).toEqual([]);
    expect(knowledgeSourcesOf({ error: "nope" })).toEqual([]);
    expect(knowledgeSourcesOf(null)).toEqual([]);
  });
});
