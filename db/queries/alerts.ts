import "server-only";
import { and, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { AlertEventWithRule, AlertMetric } from "@/lib/alerts/metrics";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { alertEvents, alertRules, user } from "../schema";
import { recordAdminAction } from "./admin-audit";
import { assertAdmin } from "./users";

/*
 * Alert rules and their events (deployment-wide, admins only). Functions an admin calls check
 * the role in the database; the evaluator's functions (claimRulesToEvaluate, fireAlert,
 * resolveAlert) run from the cron route and the evaluator, never with user input.
 */

export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertEventRow = typeof alertEvents.$inferSelect;
export interface AlertRuleInput {
  name: string;
  metric: AlertMetric;
  threshold: number;
  windowMinutes: number;
  minSamples: number;
  enabled: boolean;
}

export async function listAlertRules(db: Database, { actorId }: { actorId: string }): Promise<AlertRuleRow[]> {
  await assertAdmin(db, { actorId });
  return db.select().from(alertRules).orderBy(desc(alertRules.createdAt), desc(alertRules.id));
}

export async function createAlertRule(db: Database, { actorId, rule }: { actorId: string; rule: AlertRuleInput }): Promise<AlertRuleRow> {
  await assertAdmin(db, { actorId });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(alertRules).values({ ...rule, createdBy: actorId }).returning();
    await recordAdminAction(tx as unknown as Database, { actorId, targetUserId: null, action: "create_alert_rule", details: { ruleId: row!.id, ...rule } });
    return row!;
  });
}

/** Changes a rule; it is evaluated afresh at the next evaluation (page view or cron). Unknown id → 404. */
export async function updateAlertRule(
  db: Database,
  { actorId, ruleId, rule, now = new Date() }: { actorId: string; ruleId: string; rule: AlertRuleInput; now?: Date },
): Promise<AlertRuleRow> {
  await assertAdmin(db, { actorId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(alertRules)
      .set({ ...rule, evaluatedAt: null, updatedAt: now })
      .where(eq(alertRules.id, ruleId))
      .returning();
    if (!row) throw new AppError("not_found:admin");
    // A disabled rule can no longer judge its open alert: close it rather than leave it ringing.
    if (!rule.enabled) await tx.update(alertEvents).set({ resolvedAt: now }).where(and(eq(alertEvents.ruleId, ruleId), isNull(alertEvents.resolvedAt)));
    await recordAdminAction(tx as unknown as Database, { actorId, targetUserId: null, action: "update_alert_rule", details: { ruleId, ...rule } });
    return row;
  });
}

const eventColumns = {
  id: alertEvents.id,
  ruleId: alertEvents.ruleId,
  firedAt: alertEvents.firedAt,
  resolvedAt: alertEvents.resolvedAt,
  value: alertEvents.value,
  sampleCount: alertEvents.sampleCount,
  resolvedValue: alertEvents.resolvedValue,
  ruleName: alertRules.name,
  metric: alertRules.metric,
  threshold: alertRules.threshold,
};

/** The alerts ringing now (the bell). */
export async function listOpenAlerts(db: Database, { actorId }: { actorId: string }): Promise<AlertEventWithRule[]> {
  await assertAdmin(db, { actorId });
  return db
    .select(eventColumns)
    .from(alertEvents)
    .innerJoin(alertRules, eq(alertRules.id, alertEvents.ruleId))
    .where(isNull(alertEvents.resolvedAt))
    .orderBy(desc(alertEvents.firedAt));
}

/** Every firing, newest first. */
export async function listAlertHistory(db: Database, { actorId, limit = 100 }: { actorId: string; limit?: number }): Promise<AlertEventWithRule[]> {
  await assertAdmin(db, { actorId });
  return db
    .select(eventColumns)
    .from(alertEvents)
    .innerJoin(alertRules, eq(alertRules.id, alertEvents.ruleId))
    .orderBy(desc(alertEvents.firedAt), desc(alertEvents.id))
    .limit(limit);
}

/**
 * Takes the enabled rules not evaluated in the last `minIntervalMs` and stamps them, in one
 * UPDATE: of two evaluations at once (a page view and the cron), each rule goes to one.
 */
export async function claimRulesToEvaluate(
  db: Database,
  { now = new Date(), minIntervalMs = 0 }: { now?: Date; minIntervalMs?: number } = {},
): Promise<(AlertRuleRow & { open: boolean })[]> {
  const before = new Date(now.getTime() - minIntervalMs);
  const claimed = await db
    .update(alertRules)
    .set({ evaluatedAt: now })
    .where(and(eq(alertRules.enabled, true), or(isNull(alertRules.evaluatedAt), lte(alertRules.evaluatedAt, before))))
    .returning();
  if (claimed.length === 0) return [];
  const open = await db.select({ ruleId: alertEvents.ruleId }).from(alertEvents).where(isNull(alertEvents.resolvedAt));
  const openIds = new Set(open.map((e) => e.ruleId));
  return claimed.map((rule) => ({ ...rule, open: openIds.has(rule.id) }));
}

/** Opens an event for the rule unless one is open (the partial unique index decides). Returns the new event, or null. */
export async function fireAlert(
  db: Database,
  { ruleId, value, sampleCount, now = new Date() }: { ruleId: string; value: number; sampleCount: number; now?: Date },
): Promise<AlertEventRow | null> {
  const [row] = await db
    .insert(alertEvents)
    .values({ ruleId, value, sampleCount, firedAt: now })
    .onConflictDoNothing({ target: alertEvents.ruleId, where: sql`${alertEvents.resolvedAt} is null` })
    .returning();
  return row ?? null;
}

/** Closes the rule's open event, if any. Returns it, or null when none was open. */
export async function resolveAlert(
  db: Database,
  { ruleId, value, now = new Date() }: { ruleId: string; value: number; now?: Date },
): Promise<AlertEventRow | null> {
  const [row] = await db
    .update(alertEvents)
    .set({ resolvedAt: now, resolvedValue: value })
    .where(and(eq(alertEvents.ruleId, ruleId), isNull(alertEvents.resolvedAt)))
    .returning();
  return row ?? null;
}

/** Where alert mail goes: every admin's address (deployment-wide notice, not about an account). */
export async function listAdminRecipients(db: Database): Promise<{ userId: string; email: string }[]> {
  return db.select({ userId: user.id, email: user.email }).from(user).where(eq(user.role, "admin"));
}
