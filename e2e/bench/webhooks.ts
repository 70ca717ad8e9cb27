import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Database } from "@/db/index";
import { createWebhookEndpoint } from "@/db/queries/webhooks";
import { user } from "@/db/schema";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import { runDueJobs } from "@/lib/jobs/runner";
import { makeWebhookDeliveryJob } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { WEBHOOK_JOB, webhookEventId } from "@/lib/webhooks/webhook";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { onEachDatabase, type BenchDatabase } from "./bench-database";
import type { BenchFigure } from "./figure";

/*
 * Webhook delivery through the app's own code (emit → durable delivery + job row → job runner →
 * signed POST → outcome recorded) to a receiver on loopback, on PostgreSQL and PGlite:
 * - throughput: BACKLOG events queued at once, drained by RUNNERS job runners side by side (the
 *   cron route's batch of 25, as several instances or runs would), in deliveries per second;
 * - enqueue → received: USERS users each emitting events one after another, each followed by a
 *   job run for that user, as a user's action does with after(); p50/p95 from the emit call to
 *   the receiver holding the body.
 */

const USERS = 10;
const BACKLOG = 500;
const RUNNERS = 4;
const EVENTS_PER_USER = 30;
const SEED = { users: USERS, sessions: USERS, turnsPerSession: 2, days: 1, password: "bench-password" };

const handlers = { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: true }) };
const round2 = (value: number | null) => Math.round((value ?? 0) * 100) / 100;

const emit = (db: Database, userId: string, key: string) =>
  emitWebhookEvent(db, { userId, type: "memory.created", key, data: { memoryId: key, kind: "fact", content: "Likes bench tests", sessionId: null } });

async function measure(label: string, bench: BenchDatabase, receiver: WebhookReceiver, targets: boolean): Promise<BenchFigure[]> {
  const db = bench.handle.db;
  const users = (await db.select({ id: user.id }).from(user).limit(USERS)).map((u) => u.id);
  for (const userId of users) await createWebhookEndpoint(db, { userId, url: receiver.url, events: ["memory.created"], includeTranscript: false });

  // Throughput: a backlog, then runners until every delivery has been answered.
  const before = receiver.received.length;
  for (let i = 0; i < BACKLOG; i++) await emit(db, users[i % users.length]!, randomUUID());
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RUNNERS }, async () => {
      while ((await runDueJobs(db, handlers, { limit: 25 })).claimed > 0);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const drained = receiver.received.length - before;

  // Enqueue → received: each event sent by the job run its own request starts.
  const latencies: number[] = [];
  await Promise.all(
    users.map(async (userId) => {
      for (let i = 0; i < EVENTS_PER_USER; i++) {
        const key = randomUUID();
        const id = webhookEventId("memory.created", key);
        const emitted = performance.timeOrigin + performance.now();
        await emit(db, userId, key);
        await runDueJobs(db, handlers, { userId });
        const got = receiver.received.find((r) => r.headers["webhook-id"] === id);
        if (got) latencies.push(got.receivedAt - emitted);
      }
    }),
  );
  return [
    { name: `${label}: delivered of ${BACKLOG} queued (${RUNNERS} runners)`, value: drained, unit: "", target: `= ${BACKLOG}` },
    { name: `${label}: delivery throughput`, value: Math.round(drained / seconds), unit: "/s" },
    { name: `${label}: enqueue → received p50 (n=${latencies.length})`, value: round2(percentileNearestRank(latencies, 50)), unit: "ms" },
    { name: `${label}: enqueue → received p95`, value: round2(percentileNearestRank(latencies, 95)), unit: "ms", ...(targets ? { target: "≤ 100 ms" } : {}) },
  ];
}

export async function run(): Promise<BenchFigure[]> {
  const receiver = await startWebhookReceiver();
  try {
    return await onEachDatabase(SEED, (driver, bench) => measure(driver, bench, receiver, driver === "PostgreSQL"));
  } finally {
    await receiver.close();
  }
}
