import { describe, expect, it } from "vitest";
import { estimateCostUsd, pricesFor } from "./pricing";

describe("cost estimate", () => {
  it("prices a dated model name by its family, audio in and audio out", () => {
    expect(pricesFor("gemini-2.5-flash-native-audio-preview-12-2025")).toMatchObject({ key: "gemini-2.5-flash-native-audio", known: true });
    // 1M audio tokens in at $3, 0.5M audio tokens out at $12.
    expect(estimateCostUsd({ model: "gemini-2.5-flash-native-audio-preview-12-2025", tokensIn: 1_000_000, tokensOut: 500_000 })).toBeCloseTo(9, 12);
    expect(estimateCostUsd({ model: "gemini-2.0-flash-live-001", tokensIn: 1_000_000, tokensOut: 1_000_000 })).toBeCloseTo(10.6, 12);
  });

  it("honours another modality and prices unknown models like the default", () => {
    expect(estimateCostUsd({ model: "gemini-2.0-flash-live-001", tokensIn: 1_000_000, tokensOut: 0, inputModality: "text" })).toBeCloseTo(0.35, 12);
    expect(pricesFor("test-model")).toMatchObject({ key: "gemini-2.5-flash-native-audio", known: false });
    expect(estimateCostUsd({ model: "test-model", tokensIn: 0, tokensOut: 0 })).toBe(0);
  });
});
