import { describe, expect, it } from "vitest";
import { axisTickFormatter, type SeriesUnit } from "./format";

// Ticks as Recharts picks them: five "nice" steps (1, 2, 2.5 or 5 × 10^n) from zero.
const NICE_TICKS: Record<SeriesUnit, number[][]> = {
  minutes: [[0, 0.25, 0.5, 0.75, 1], [0, 0.1, 0.2, 0.3, 0.4], [0, 0.02, 0.04, 0.06, 0.08], [0, 0.75, 1.5, 2.25, 3], [0, 25, 50, 75, 100], [0, 12_500, 25_000, 37_500, 50_000]],
  count: [[0, 1, 2, 3, 4], [0, 250, 500, 750, 1000], [0, 25_000, 50_000, 75_000, 100_000]],
  tokens: [[0, 2500, 5000, 7500, 10_000], [0, 1_250_000, 2_500_000, 3_750_000, 5_000_000]],
  ms: [[0, 250, 500, 750, 1000], [1000, 1025, 1050, 1075, 1100], [0, 1500, 3000, 4500, 6000]],
  usd: [[0, 0.0025, 0.005, 0.0075, 0.01], [0, 0.25, 0.5, 0.75, 1], [0, 25, 50, 75, 100]],
  percent: [[0, 0.25, 0.5, 0.75, 1], [0, 0.025, 0.05, 0.075, 0.1]],
};

describe("axisTickFormatter", () => {
  for (const [unit, tickLists] of Object.entries(NICE_TICKS) as [SeriesUnit, number[][]][]) {
    it(`never labels two ${unit} ticks alike`, () => {
      const format = axisTickFormatter(unit);
      for (const ticks of tickLists) {
        const labels = ticks.map(format);
        expect(new Set(labels).size, `${ticks.join(", ")} → ${labels.join(", ")}`).toBe(ticks.length);
      }
    });
  }

  it("reads a few minutes as minutes, not as zero", () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(axisTickFormatter("minutes"))).toEqual(["0", "0.25", "0.5", "0.75", "1"]);
    expect([0, 12_500, 25_000].map(axisTickFormatter("minutes"))).toEqual(["0", "12.5K", "25K"]);
  });
});
