import { describe, expect, it } from "vitest";
import { alertMessage, formatMetricValue } from "./messages";

describe("alert mail", () => {
  const change = {
    kind: "fired" as const,
    eventId: "e1",
    rule: { id: "r1", name: "Slow answers", metric: "heard_latency_p95" as const, threshold: 1500, windowMinutes: 60 },
    value: 2210.4,
    sampleCount: 42,
    at: new Date("2030-01-01T00:00:00Z"),
  };
  it("says which rule, the value against the threshold and where to look", () => {
    const mail = alertMessage(change, "https://example.test/admin/alerts");
    expect(mail).toMatchObject({ kind: "alert", subject: "[LiveMind alert] Slow answers", link: "https://example.test/admin/alerts" });
    expect(mail.body).toContain("p95 heard latency over the last 60 minutes is above its threshold of 1500 ms: 2210 ms (42 samples).");
    expect(alertMessage({ ...change, kind: "resolved" }, "u").subject).toBe("[LiveMind resolved] Slow answers");
  });
  it("formats each unit", () => {
    expect(formatMetricValue("daily_cost", 3.456)).toBe("$3.46");
    expect(formatMetricValue("error_rate", 12.345)).toBe("12.3%");
    expect(formatMetricValue("job_failures", 2)).toBe("2 jobs");
  });
});
