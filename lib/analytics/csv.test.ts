import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV", () => {
  it("writes a header and one CRLF line per row, quoting what needs it", () => {
    const csv = toCsv({
      columns: [
        { key: "label", label: "Error message" },
        { key: "n", label: "Conversations" },
      ],
      rows: [
        { label: 'Closed "abruptly", twice', n: 2 },
        { label: "=HYPERLINK(1)", n: -1 },
        { label: "none", n: null },
      ],
    });
    expect(csv).toBe('Error message,Conversations\r\n"Closed ""abruptly"", twice",2\r\n\'=HYPERLINK(1),-1\r\nnone,\r\n');
  });
});
