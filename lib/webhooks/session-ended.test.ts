import { expect, it } from "vitest";
import { endUserSessionsAsAdmin, SIGNED_OUT_SESSION_MESSAGE, SUSPENDED_SESSION_MESSAGE } from "@/db/queries/admin-moderation";
import { getJobByKey } from "@/db/queries/jobs";
import { closeStaleSessions, createLiveSession, endLiveSession, STALE_SESSION_MS } from "@/db/queries/live-sessions";
import { createWebhookEndpoint, listWebhookDeliveries } from "@/db/queries/webhooks";
import { liveSessions } from "@/db/schema";
import { describeEachDriver, type Database } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { runDueJobs } from "@/lib/jobs/runner";
import { makeWebhookDeliveryJob } from "./deliver";
import { runSessionEndedJob, emitSessionEnded } from "./session-events";
import { SESSION_ENDED_JOB, sessionEndedJobKey, WEBHOOK_JOB } from "./webhook";

const t0 = new Date("2030-03-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** A user with one session.ended endpoint, and what its receiver got. */
async function subscriber(db: Database) {
  const user = await createTestUser(db);
  const { endpoint } = await createWebhookEndpoint(db, { userId: user.id, url: "https://hooks.example.com/ended", events: ["session.ended"], includeTranscript: false });
  const received: { type: string; data: { sessionId: string; status: string } }[] = [];
  const handlers = {
    [SESSION_ENDED_JOB]: runSessionEndedJob,
    [WEBHOOK_JOB]: makeWebhookDeliveryJob({
      allowPrivate: false,
      resolve: async () => ["93.184.215.14"],
      post: async (_url, { body }) => {
        received.push(JSON.parse(body));
        return { status: 200, address: "93.184.215.14", bodyBytes: 0, truncated: false };
      },
    }),
  };
  /** Runs the user's jobs until none is due: the event job queues deliveries, the next run sends them. */
  const drain = async () => {
    for (let i = 0; i < 5; i += 1) if ((await runDueJobs(db, handlers, { userId: user.id, limit: 20, now: () => at(3600) })).claimed === 0) return;
  };
  const deliveries = () => listWebhookDeliveries(db, { userId: user.id, endpointIds: [endpoint.id], perEndpoint: 50 });
  return { user, received, drain, deliveries };
}

async function openSession(db: Database, userId: string, lastActivityAt = at(30)) {
  const [row] = await db.insert(liveSessions).values({ userId, model: "m", voice: "Puck", status: "ACTIVE", startedAt: t0, lastActivityAt }).returning();
  return row!;
}

describeEachDriver("session.ended for conversations the server closes", ({ db }) => {
  it("the stale sweep emits it once, through the job table", async () => {
    const { user, received, drain, deliveries } = await subscriber(db());
    const session = await openSession(db(), user.id);
    expect(await closeStaleSessions(db(), { userId: user.id, now: at(30 + STALE_SESSION_MS / 1000 + 1) })).toEqual([session.id]);
    expect(await getJobByKey(db(), { dedupeKey: sessionEndedJobKey(session.id) })).toMatchObject({ kind: SESSION_ENDED_JOB, userId: user.id, payload: { sessionId: session.id } });
    await drain();
    expect(received).toEqual([expect.objectContaining({ type: "session.ended", data: expect.objectContaining({ sessionId: session.id, status: "ENDED" }) })]);
    expect(await deliveries()).toHaveLength(1);
  });

  it("a suspension emits it for each open conversation, once", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const { user, received, drain } = await subscriber(db());
    const session = await openSession(db(), user.id);
    await endUserSessionsAsAdmin(db(), { actorId: admin.id, userId: user.id, reason: SUSPENDED_SESSION_MESSAGE, now: at(60) });
    await endUserSessionsAsAdmin(db(), { actorId: admin.id, userId: user.id, reason: SUSPENDED_SESSION_MESSAGE, now: at(61) });
    await drain();
    expect(received.map((event) => event.data.sessionId)).toEqual([session.id]);
  });

  it("an admin signing the account out everywhere ends its conversations and emits it once each", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const { user, received, drain } = await subscriber(db());
    const first = await openSession(db(), user.id);
    const second = await openSession(db(), user.id);
    expect((await endUserSessionsAsAdmin(db(), { actorId: admin.id, userId: user.id, reason: SIGNED_OUT_SESSION_MESSAGE, now: at(60) })).sort()).toEqual([first.id, second.id].sort());
    await drain();
    expect(received.map((event) => event.data.sessionId).sort()).toEqual([first.id, second.id].sort());
  });

  it("a Start that replaces the open conversation emits it for the replaced one", async () => {
    const { user, received, drain } = await subscriber(db());
    const old = await openSession(db(), user.id);
    const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
    const next = await createLiveSession(db(), { userId: user.id, values, replaceActive: true, now: at(90) });
    await drain();
    expect(received.map((event) => event.data.sessionId)).toEqual([old.id]);
    expect(received.map((event) => event.data.sessionId)).not.toContain(next.id);
  });

  it("ended by the browser then swept: one event", async () => {
    const { user, received, drain, deliveries } = await subscriber(db());
    const session = await openSession(db(), user.id);
    // The Stop action: end, then emit on the request.
    await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED", now: at(40) });
    await emitSessionEnded(db(), { userId: user.id, sessionId: session.id });
    expect(await closeStaleSessions(db(), { userId: user.id, now: at(40 + STALE_SESSION_MS / 1000 + 1) })).toEqual([]);
    await drain();
    expect(received.map((event) => event.data.sessionId)).toEqual([session.id]);
    expect(await deliveries()).toHaveLength(1);
  });

  it("the browser's Stop queues it with the end, so a crash before the emit on the request loses nothing", async () => {
    const { user, received, drain, deliveries } = await subscriber(db());
    const session = await openSession(db(), user.id);
    // The Stop action ended the conversation, and the process died before emitting.
    await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED", now: at(40) });
    expect(await getJobByKey(db(), { dedupeKey: sessionEndedJobKey(session.id) })).toMatchObject({ kind: SESSION_ENDED_JOB });
    await drain();
    expect(received.map((event) => event.data.sessionId)).toEqual([session.id]);
    expect(await deliveries()).toHaveLength(1);
  });

  it("swept, then the browser's late Stop and the job racing: still one delivery per endpoint", async () => {
    const { user, received, drain, deliveries } = await subscriber(db());
    const session = await openSession(db(), user.id);
    await closeStaleSessions(db(), { userId: user.id, now: at(30 + STALE_SESSION_MS / 1000 + 1) });
    await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED" });
    const job = (await getJobByKey(db(), { dedupeKey: sessionEndedJobKey(session.id) }))!;
    await Promise.all([emitSessionEnded(db(), { userId: user.id, sessionId: session.id }), runSessionEndedJob(db(), job), emitSessionEnded(db(), { userId: user.id, sessionId: session.id })]);
    await drain();
    expect(received.map((event) => event.data.sessionId)).toEqual([session.id]);
    expect(await deliveries()).toHaveLength(1);
  });

  it("queues no job for a user without a session.ended endpoint", async () => {
    const user = await createTestUser(db());
    await createWebhookEndpoint(db(), { userId: user.id, url: "https://hooks.example.com/mem", events: ["memory.created"], includeTranscript: false });
    const session = await openSession(db(), user.id);
    await closeStaleSessions(db(), { userId: user.id, now: at(30 + STALE_SESSION_MS / 1000 + 1) });
    expect(await getJobByKey(db(), { dedupeKey: sessionEndedJobKey(session.id) })).toBeNull();
  });
});
