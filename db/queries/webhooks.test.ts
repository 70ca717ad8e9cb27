import { Webhook } from "standardwebhooks";
import { expect, it } from "vitest";
import { runDueJobs } from "@/lib/jobs/runner";
import { makeWebhookDeliveryJob } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { PinnedPost } from "@/lib/webhooks/pinned-post";
import { WEBHOOK_JOB, webhookJobKey } from "@/lib/webhooks/webhook";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { getJobByKey } from "./jobs";
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, resendWebhookDelivery } from "./webhooks";

const at = (iso: string) => new Date(iso);

interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A receiver that answers the given statuses in turn and keeps what it got (lib/webhooks/pinned-post.test.ts covers the wire). */
function receiver(statuses: number[]) {
  const received: Received[] = [];
  const post: PinnedPost = async (url, { headers, body }) => {
    received.push({ url: url.toString(), headers, body });
    const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
    return { status, address: "93.184.215.14", bodyBytes: 0, truncated: false };
  };
  return { received, post };
}

describeEachDriver("webhooks", ({ db }) => {
  it("registers, lists and deletes endpoints; another user's endpoint is not found", async () => {
    const owner = await createTestUser(db());
    const other = await createTestUser(db());
    const { secret, endpoint } = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/a", events: ["session.ended", "session.ended"], includeTranscript: true });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(endpoint.events).toEqual(["session.ended"]);
    const listed = await listWebhookEndpoints(db(), { userId: owner.id });
    expect(listed.map((e) => e.id)).toEqual([endpoint.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(await listWebhookEndpoints(db(), { userId: other.id })).toEqual([]);
    await expect(deleteWebhookEndpoint(db(), { userId: other.id, endpointId: endpoint.id })).rejects.toMatchObject({ code: "not_found:api" });
    await deleteWebhookEndpoint(db(), { userId: owner.id, endpointId: endpoint.id });
    expect(await listWebhookEndpoints(db(), { userId: owner.id })).toEqual([]);
  });

  it("queues an event once per endpoint, to subscribed endpoints only, with the transcript only where asked", async () => {
    const owner = await createTestUser(db());
    const other = await createTestUser(db());
    const full = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/full", events: ["session.ended"], includeTranscript: true });
    const bare = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/bare", events: ["session.ended", "memory.created"], includeTranscript: false });
    await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/mem", events: ["memory.created"], includeTranscript: true });
    await createWebhookEndpoint(db(), { userId: other.id, url: "https://hooks.example.com/other", events: ["session.ended"], includeTranscript: true });
    const event = { userId: owner.id, type: "session.ended" as const, key: `s-${owner.id}`, data: { sessionId: "s1", turns: 3 }, transcript: async () => [{ role: "user", text: "hello" }] };
    expect(await emitWebhookEvent(db(), event)).toEqual({ queued: 2 });
    expect(await emitWebhookEvent(db(), event)).toEqual({ queued: 0 });

    const deliveries = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [full.endpoint.id, bare.endpoint.id] });
    expect(deliveries).toHaveLength(2);
    expect(new Set(deliveries.map((d) => d.eventId)).size).toBe(1);
    expect(await listWebhookDeliveries(db(), { userId: other.id, endpointIds: [full.endpoint.id] })).toEqual([]);
    const job = await getJobByKey(db(), { dedupeKey: webhookJobKey(deliveries[0]!.id) });
    expect(job).toMatchObject({ kind: WEBHOOK_JOB, status: "pending", userId: owner.id });

    const { received, post } = receiver([204]);
    const handlers = { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, post, resolve: async () => ["93.184.215.14"] }) };
    expect(await runDueJobs(db(), handlers, { userId: owner.id })).toMatchObject({ done: 2 });
    const byUrl = Object.fromEntries(received.map((r) => [r.url, JSON.parse(r.body)]));
    expect(byUrl["https://hooks.example.com/full"].data).toEqual({ sessionId: "s1", turns: 3, transcript: [{ role: "user", text: "hello" }] });
    expect(byUrl["https://hooks.example.com/bare"].data).toEqual({ sessionId: "s1", turns: 3 });
    expect(byUrl["https://hooks.example.com/bare"].type).toBe("session.ended");
  });

  it("signs every delivery so that the standardwebhooks verifier accepts it", async () => {
    const owner = await createTestUser(db());
    const { secret, endpoint } = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/sig", events: ["memory.created"], includeTranscript: false });
    await emitWebhookEvent(db(), { userId: owner.id, type: "memory.created", data: { memoryId: "m1" } });
    const { received, post } = receiver([200]);
    await runDueJobs(db(), { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, post, resolve: async () => ["93.184.215.14"] }) }, { userId: owner.id });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(new Webhook(secret).verify(got!.body, got!.headers)).toMatchObject({ type: "memory.created", data: { memoryId: "m1" } });
    expect(() => new Webhook(secret).verify(got!.body.replace("m1", "m2"), got!.headers)).toThrow();
    const [delivery] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200, lastError: null, nextAttemptAt: null });
    expect(got!.headers["webhook-id"]).toBe(delivery!.eventId);
  });

  it("keeps a failed delivery due in its job row (a crash loses nothing) and delivers it on a later run", async () => {
    const owner = await createTestUser(db());
    const { endpoint } = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/flaky", events: ["session.started"], includeTranscript: false });
    const t0 = at("2030-02-01T00:00:00Z");
    await emitWebhookEvent(db(), { userId: owner.id, type: "session.started", key: `start-${owner.id}`, data: { sessionId: "s2" }, now: t0 });
    const [queued] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });

    const first = receiver([503]);
    const failing = { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, post: first.post, resolve: async () => ["93.184.215.14"], now: () => t0 }) };
    expect(await runDueJobs(db(), failing, { userId: owner.id, now: () => t0 })).toMatchObject({ retried: 1 });
    const job = await getJobByKey(db(), { dedupeKey: webhookJobKey(queued!.id) });
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job!.nextRunAt.getTime()).toBeGreaterThan(t0.getTime());
    const [afterFail] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });
    expect(afterFail).toMatchObject({ status: "pending", responseStatus: 503, lastError: "http_503", attempts: 1 });

    // A new process (nothing in memory) picks it up from the table once it is due.
    const second = receiver([200]);
    const later = new Date(job!.nextRunAt.getTime() + 1);
    const fresh = { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, post: second.post, resolve: async () => ["93.184.215.14"], now: () => later }) };
    expect(await runDueJobs(db(), fresh, { userId: owner.id, now: () => t0 })).toMatchObject({ claimed: 0 });
    expect(await runDueJobs(db(), fresh, { userId: owner.id, now: () => later })).toMatchObject({ done: 1 });
    expect(second.received[0]!.headers["webhook-id"]).toBe(first.received[0]!.headers["webhook-id"]);
    const [delivered] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });
    expect(delivered).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 200 });

    // Resend: the owner only, and it goes out again.
    const other = await createTestUser(db());
    await expect(resendWebhookDelivery(db(), { userId: other.id, deliveryId: delivered!.id })).rejects.toMatchObject({ code: "not_found:api" });
    await resendWebhookDelivery(db(), { userId: owner.id, deliveryId: delivered!.id, now: later });
    expect(await runDueJobs(db(), fresh, { userId: owner.id, now: () => later })).toMatchObject({ done: 1 });
    expect(second.received).toHaveLength(2);
  });

  it("records a redirect as a failure with its status, and a network failure by its code, both retried", async () => {
    const owner = await createTestUser(db());
    const { endpoint } = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/moved", events: ["memory.created"], includeTranscript: false });
    await emitWebhookEvent(db(), { userId: owner.id, type: "memory.created", data: { memoryId: "m-redirect" } });
    const moved = receiver([301]);
    expect(await runDueJobs(db(), { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, post: moved.post }) }, { userId: owner.id })).toMatchObject({ retried: 1 });
    const [redirected] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });
    expect(redirected).toMatchObject({ status: "pending", responseStatus: 301, lastError: "http_301", attempts: 1 });

    const refused: PinnedPost = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 93.184.215.14:443"), { code: "ECONNREFUSED" });
    };
    // The retry, once it is due.
    const later = () => new Date(Date.now() + 60 * 60_000);
    expect(await runDueJobs(db(), { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, post: refused, now: later }) }, { userId: owner.id, now: later })).toMatchObject({ retried: 1 });
    const [failed] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });
    expect(failed).toMatchObject({ status: "pending", responseStatus: null, lastError: "ECONNREFUSED", attempts: 2 });
  });

  it("refuses an endpoint on a private address for good, and sends admin events to admins' endpoints only", async () => {
    const owner = await createTestUser(db());
    const admin = await createTestUser(db(), { role: "admin" });
    const { endpoint } = await createWebhookEndpoint(db(), { userId: owner.id, url: "http://internal.example/", events: ["alert.fired", "memory.created"], includeTranscript: false });
    const adminHook = await createWebhookEndpoint(db(), { userId: admin.id, url: "https://ops.example.com/", events: ["alert.fired"], includeTranscript: false });
    const { queued } = await emitWebhookEvent(db(), { userId: null, type: "alert.fired", key: `alert-${admin.id}`, data: { rule: "p95" } });
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(await listWebhookDeliveries(db(), { userId: admin.id, endpointIds: [adminHook.endpoint.id] })).toHaveLength(1);
    expect(await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] })).toEqual([]);

    await emitWebhookEvent(db(), { userId: owner.id, type: "memory.created", data: { memoryId: "m" } });
    // The real sender: it vets the resolved addresses before it opens any connection.
    const summary = await runDueJobs(db(), { [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: false, resolve: async () => ["93.184.215.14", "10.0.0.7"] }) }, { userId: owner.id });
    expect(summary).toMatchObject({ failed: 1 });
    const [blocked] = await listWebhookDeliveries(db(), { userId: owner.id, endpointIds: [endpoint.id] });
    expect(blocked).toMatchObject({ status: "failed", lastError: "blocked_address" });
  });
});
