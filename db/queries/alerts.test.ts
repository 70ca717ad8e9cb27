import { expect, it } from "vitest";
import { evaluateAlertRules } from "@/lib/alerts/evaluate";
import type { AlertChange } from "@/lib/alerts/messages";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { liveSessions, transcriptions } from "../schema";
import { readAlertMetric } from "./alert-metrics";
import { createAlertRule, fireAlert, listAlertHistory, listOpenAlerts, resolveAlert, updateAlertRule } from "./alerts";

// A window of its own, far from every other test's rows: the metrics read all users.
const at = (minute: number) => new Date(Date.UTC(2031, 0, 1, 12, minute));

describeEachDriver("alerts", ({ db }) => {
  const rule = { name: "Slow answers", metric: "heard_latency_p95" as const, threshold: 1, windowMinutes: 60, minSamples: 2, enabled: true };

  it("fires one open event per rule, however often it is asked, and resolves it once", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const created = await createAlertRule(db(), { actorId: admin.id, rule: { ...rule, name: "idempotent" } });
    const [a, b] = await Promise.all([
      fireAlert(db(), { ruleId: created.id, value: 9, sampleCount: 3, now: at(1) }),
      fireAlert(db(), { ruleId: created.id, value: 9, sampleCount: 3, now: at(1) }),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await listOpenAlerts(db(), { actorId: admin.id })).filter((e) => e.ruleId === created.id)).toHaveLength(1);
    expect(await resolveAlert(db(), { ruleId: created.id, value: 0, now: at(2) })).toMatchObject({ resolvedValue: 0 });
    expect(await resolveAlert(db(), { ruleId: created.id, value: 0, now: at(3) })).toBeNull();
    // Resolved, it may fire again: a new event.
    expect(await fireAlert(db(), { ruleId: created.id, value: 9, sampleCount: 3, now: at(4) })).not.toBeNull();
    await updateAlertRule(db(), { actorId: admin.id, ruleId: created.id, rule: { ...rule, enabled: false } });
    expect((await listAlertHistory(db(), { actorId: admin.id })).filter((e) => e.ruleId === created.id).every((e) => e.resolvedAt)).toBe(true);
  });

  it("evaluates the latency rule: nothing below the minimum samples, fires above the threshold, resolves when raised", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const member = await createTestUser(db());
    const created = await createAlertRule(db(), { actorId: admin.id, rule });
    const changes: AlertChange[] = [];
    const deliver = async (_db: unknown, change: AlertChange) => void changes.push(change);
    const mine = () => changes.filter((c) => c.rule.id === created.id);

    const [session] = await db().insert(liveSessions).values({ userId: member.id, model: "m", voice: "Puck", status: "ENDED" }).returning();
    const turn = (sequenceNumber: number, latencyMs: number, minute: number) =>
      db().insert(transcriptions).values({ sessionId: session!.id, userId: member.id, sender: "model", text: "hidden", transcriptionType: "output", sequenceNumber, latencyMs, timestamp: at(minute) });

    await turn(1, 800, 10);
    expect(await readAlertMetric(db(), "heard_latency_p95", { since: at(0), now: at(30) })).toEqual({ value: 800, samples: 1 });
    await evaluateAlertRules(db(), { now: at(30), deliver });
    expect(mine()).toEqual([]);

    await turn(2, 1200, 11);
    await evaluateAlertRules(db(), { now: at(31), deliver });
    await evaluateAlertRules(db(), { now: at(32), deliver });
    expect(mine()).toMatchObject([{ kind: "fired", value: 1200, sampleCount: 2 }]);
    expect((await listOpenAlerts(db(), { actorId: admin.id })).filter((e) => e.ruleId === created.id)).toHaveLength(1);

    // Throttled page views do not evaluate a rule evaluated a moment ago.
    await updateAlertRule(db(), { actorId: admin.id, ruleId: created.id, rule: { ...rule, threshold: 5000 } });
    await evaluateAlertRules(db(), { now: at(33), deliver });
    expect(await evaluateAlertRules(db(), { now: at(33), minIntervalMs: 60_000, deliver })).toMatchObject({ evaluated: 0 });
    expect(mine().map((c) => c.kind)).toEqual(["fired", "resolved"]);
    expect((await listOpenAlerts(db(), { actorId: admin.id })).filter((e) => e.ruleId === created.id)).toEqual([]);
    await updateAlertRule(db(), { actorId: admin.id, ruleId: created.id, rule: { ...rule, enabled: false } });
  });

  it("is for admins only", async () => {
    const member = await createTestUser(db());
    await expect(createAlertRule(db(), { actorId: member.id, rule })).rejects.toMatchObject({ code: "not_found:admin" });
    await expect(listOpenAlerts(db(), { actorId: member.id })).rejects.toMatchObject({ code: "not_found:admin" });
  });
});
