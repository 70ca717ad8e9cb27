import { describe, expect, it } from "vitest";
import { computeSessionMetrics, mean, percentileNearestRank, type TurnMetricsRow } from "./session-metrics";

const user = (overrides: Partial<TurnMetricsRow> = {}): TurnMetricsRow => ({
  sender: "user",
  latencyMs: null,
  interrupted: false,
  inputTokens: null,
  outputTokens: null,
  ...overrides,
});
const model = (latencyMs: number | null, overrides: Partial<TurnMetricsRow> = {}): TurnMetricsRow => ({
  ...user(overrides),
  sender: "model",
  latencyMs,
  ...overrides,
});

describe("percentileNearestRank", () => {
  it("returns null for no values", () => {
    expect(percentileNearestRank([], 95)).toBeNull();
  });

  it("picks the nearest-rank value, not an interpolation", () => {
    // 20 values 1..20: rank ceil(0.95*20)=19 → 19.
    expect(percentileNearestRank(Array.from({ length: 20 }, (_, i) => 20 - i), 95)).toBe(19);
    // 10 values: rank ceil(9.5)=10 → the maximum.
    expect(percentileNearestRank([5, 1, 9, 3, 7, 2, 8, 4, 6, 10], 95)).toBe(10);
    // 3 values: rank ceil(2.85)=3 → the maximum; median rank ceil(1.5)=2.
    expect(percentileNearestRank([300, 100, 200], 95)).toBe(300);
    expect(percentileNearestRank([300, 100, 200], 50)).toBe(200);
  });

  it("handles a single value and p=100", () => {
    expect(percentileNearestRank([42], 95)).toBe(42);
    expect(percentileNearestRank([1, 2, 3], 100)).toBe(3);
  });

  it("rejects an out-of-range percentile", () => {
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
    expect(() => percentileNearestRank([1], 101)).toThrow(RangeError);
  });
});

describe("mean", () => {
  it("averages, or null when empty", () => {
    expect(mean([])).toBeNull();
    expect(mean([400, 500, 900])).toBe(600);
  });
});

describe("computeSessionMetrics", () => {
  it("aggregates a scripted conversation", () => {
    const turns = [
      user(),
      model(400, { inputTokens: 120, outputTokens: 30 }),
      user(),
      model(900, { interrupted: true, inputTokens: 200, outputTokens: 12 }),
      user(),
      model(500, { inputTokens: 260, outputTokens: 44 }),
      user(),
    ];
    expect(computeSessionMetrics(turns, { audioSeconds: 31.5, videoFrameCount: 12, errorCount: 1 })).toEqual({
      userMessageCount: 4,
      modelMessageCount: 3,
      responseTimeMeanMs: 600,
      responseTimeP95Ms: 900,
      interruptionCount: 1,
      errorCount: 1,
      tokensIn: 580,
      tokensOut: 86,
      audioSeconds: 31.5,
      videoFrameCount: 12,
    });
  });

  it("ignores model turns without a latency and user-side interruption flags", () => {
    const turns = [user({ interrupted: true }), model(null), model(250)];
    const metrics = computeSessionMetrics(turns, { audioSeconds: 0, videoFrameCount: 0, errorCount: 0 });
    expect(metrics.responseTimeMeanMs).toBe(250);
    expect(metrics.responseTimeP95Ms).toBe(250);
    expect(metrics.interruptionCount).toBe(0);
    expect(metrics.tokensIn).toBe(0);
  });

  it("reports empty sessions with null response times", () => {
    const metrics = computeSessionMetrics([], { audioSeconds: 0, videoFrameCount: 0, errorCount: 2 });
    expect(metrics).toMatchObject({ userMessageCount: 0, modelMessageCount: 0, responseTimeMeanMs: null, responseTimeP95Ms: null, errorCount: 2 });
  });
});

describe("sessionLatencies", () => {
  it("keeps every model turn's latency, ascending, and their sum", async () => {
    const { sessionLatencies } = await import("./session-metrics");
    expect(sessionLatencies([model(900), user(), model(null), model(300), model(600, { interrupted: true })])).toEqual({ latenciesMs: [300, 600, 900], latencySumMs: 1800 });
    expect(sessionLatencies([user()])).toEqual({ latenciesMs: [], latencySumMs: 0 });
  });
});

describe("percentileFromHistogram", () => {
  it("matches the nearest-rank percentile of the values it counts", async () => {
    const { percentileFromHistogram } = await import("./session-metrics");
    const values = [100, 250, 300, 900];
    const counts = [3, 1, 5, 2];
    const expanded = values.flatMap((v, i) => Array.from({ length: counts[i]! }, () => v));
    for (const p of [1, 25, 50, 75, 90, 95, 99, 100]) expect(percentileFromHistogram(values, counts, p), `p${p}`).toBe(percentileNearestRank(expanded, p));
    expect(percentileFromHistogram([], [], 95)).toBeNull();
    expect(() => percentileFromHistogram([1], [1], 0)).toThrow(RangeError);
  });
});
