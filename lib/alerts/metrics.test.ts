import { describe, expect, it } from "vitest";
import { concurrentConversations, decideAlert, errorRate, jobFailures, keyFailures, latencyP95, windowCost } from "./metrics";

describe("alert metrics", () => {
  it("takes the nearest-rank p95 of the window's latencies", () => {
    expect(latencyP95([])).toEqual({ value: 0, samples: 0 });
    expect(latencyP95([300])).toEqual({ value: 300, samples: 1 });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencyP95(hundred)).toEqual({ value: 95, samples: 100 });
  });

  it("computes rates and counts with their samples", () => {
    expect(errorRate({ conversations: 0, errors: 0 })).toEqual({ value: 0, samples: 0 });
    expect(errorRate({ conversations: 8, errors: 2 })).toEqual({ value: 25, samples: 8 });
    expect(keyFailures({ conversations: 5, keyFailures: 3 })).toEqual({ value: 3, samples: 5 });
    expect(concurrentConversations(4)).toEqual({ value: 4, samples: 1 });
    expect(jobFailures({ finished: 10, failed: 1 })).toEqual({ value: 1, samples: 10 });
  });

  it("sums the estimated cost per model", () => {
    const reading = windowCost([
      { model: "gemini-2.0-flash-live-001", conversations: 2, tokensIn: 1_000_000, tokensOut: 1_000_000 },
      { model: "gemini-2.0-flash-live-001", conversations: 1, tokensIn: 0, tokensOut: 0 },
    ]);
    expect(reading.samples).toBe(3);
    expect(reading.value).toBeCloseTo(10.6, 9);
  });
});

describe("alert decision", () => {
  const rule = { threshold: 1000, minSamples: 3 };
  it("fires above the threshold only with enough samples, once", () => {
    expect(decideAlert(rule, { value: 5000, samples: 2 }, false)).toBe("keep");
    expect(decideAlert(rule, { value: 5000, samples: 3 }, false)).toBe("fire");
    expect(decideAlert(rule, { value: 5000, samples: 3 }, true)).toBe("keep");
    expect(decideAlert(rule, { value: 1000, samples: 3 }, false)).toBe("keep");
  });
  it("resolves at or under the threshold, and never on too few samples", () => {
    expect(decideAlert(rule, { value: 1000, samples: 3 }, true)).toBe("resolve");
    expect(decideAlert(rule, { value: 0, samples: 0 }, true)).toBe("keep");
    expect(decideAlert({ threshold: 1, minSamples: 0 }, { value: 0, samples: 0 }, true)).toBe("keep");
  });
});
