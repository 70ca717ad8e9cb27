import { describe, expect, it } from "vitest";
import { saveAlertRuleInput } from "./schema";

const valid = { ruleId: null, name: "Slow", metric: "heard_latency_p95", threshold: 1, windowMinutes: 60, minSamples: 1, enabled: true };

describe("alert rule input", () => {
  it("accepts a rule and refuses what the database could not store", () => {
    expect(saveAlertRuleInput.safeParse(valid).success).toBe(true);
    for (const bad of [
      { name: "a\u0000b" },
      { name: " " },
      { metric: "cpu" },
      { threshold: -1 },
      { threshold: Number.POSITIVE_INFINITY },
      { windowMinutes: 0 },
      { windowMinutes: 1.5 },
      { minSamples: 3_000_000_000 },
      { ruleId: "not-a-uuid" },
    ]) {
      expect(saveAlertRuleInput.safeParse({ ...valid, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
