import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { env } from "@/lib/env";
import { runDueJobs } from "@/lib/jobs/runner";
import { CircuitOpenError } from "@/lib/jobs/circuit-breaker";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { claimDueJobs, countJobs, enqueueJob, getJobByKey } from "./jobs";

const key = () => `test:${randomUUID()}`;
const at = (iso: string) => new Date(iso);

describeEachDriver("job table", ({ db }) => {
  it("enqueues once per dedupe key, whoever asks twice", async () => {
    const user = await createTestUser(db());
    const dedupeKey = key();
    const job = { kind: "test.kind", userId: user.id, payload: { sessionId: "s1" }, dedupeKey };
    expect(await enqueueJob(db(), job)).toEqual({ created: true });
    expect(await enqueueJob(db(), job)).toEqual({ created: false });
    expect(await getJobByKey(db(), { dedupeKey })).toMatchObject({ status: "pending", attempts: 0, payload: { sessionId: "s1" } });
  });

  it("never hands one job to two concurrent claimers, and takes back a job whose lease ran out", async () => {
    const user = await createTestUser(db());
    const kind = `claim.${randomUUID()}`;
    for (let i = 0; i < 6; i += 1) await enqueueJob(db(), { kind, userId: user.id, payload: {}, dedupeKey: key(), runAt: at("2030-01-01T00:00:00Z") });
    const now = at("2030-01-01T00:01:00Z");
    const [a, b] = await Promise.all([
      claimDueJobs(db(), { now, limit: 4, kinds: [kind] }),
      claimDueJobs(db(), { now, limit: 4, kinds: [kind] }),
    ]);
    const ids = [...a, ...b].map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
    expect(await claimDueJobs(db(), { now, kinds: [kind] })).toEqual([]);
    // The workers died: after the lease the rows are due again, with the attempt counted.
    const again = await claimDueJobs(db(), { now: at("2030-01-01T00:05:00Z"), limit: 10, kinds: [kind] });
    expect(again).toHaveLength(6);
    expect(again.every((job) => job.attempts === 2)).toBe(true);
  });

  it("holds a claimed job for JOBS_LEASE_SECONDS", async () => {
    const user = await createTestUser(db());
    const kind = `lease.${randomUUID()}`;
    await enqueueJob(db(), { kind, userId: user.id, payload: {}, dedupeKey: key(), runAt: at("2030-01-01T00:00:00Z") });
    const now = at("2030-01-01T00:01:00Z");
    const [claimed] = await claimDueJobs(db(), { now, kinds: [kind] });
    expect(claimed!.leaseUntil!.getTime() - now.getTime()).toBe(env.JOBS_LEASE_SECONDS * 1000);
  });

  it("claims only the given user's jobs when asked on their activity", async () => {
    const [ada, bo] = [await createTestUser(db()), await createTestUser(db())];
    const kind = `user.${randomUUID()}`;
    await enqueueJob(db(), { kind, userId: ada.id, payload: {}, dedupeKey: key() });
    await enqueueJob(db(), { kind, userId: bo.id, payload: {}, dedupeKey: key() });
    const claimed = await claimDueJobs(db(), { userId: bo.id, kinds: [kind] });
    expect(claimed.map((job) => job.userId)).toEqual([bo.id]);
  });

  it("retries a failing job with growing waits, then fails it for good; an open circuit spends no attempt", async () => {
    const user = await createTestUser(db());
    const kind = `retry.${randomUUID()}`;
    const dedupeKey = key();
    await enqueueJob(db(), { kind, userId: user.id, payload: {}, dedupeKey, maxAttempts: 3, runAt: at("2030-01-01T00:00:00Z") });
    let clock = at("2030-01-01T00:00:00Z");
    let mode: "fail" | "open" = "open";
    const handlers = {
      [kind]: async () => {
        if (mode === "open") throw new CircuitOpenError("test", new Date(clock.getTime() + 60_000));
        throw new Error("boom");
      },
    };
    const run = () => runDueJobs(db(), handlers, { now: () => clock });

    expect(await run()).toMatchObject({ claimed: 1, deferred: 1 });
    expect(await getJobByKey(db(), { dedupeKey })).toMatchObject({ status: "pending", attempts: 0, nextRunAt: at("2030-01-01T00:01:00Z") });

    mode = "fail";
    clock = at("2030-01-01T00:01:00Z");
    expect(await run()).toMatchObject({ retried: 1 });
    const first = await getJobByKey(db(), { dedupeKey });
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "Error" });
    const firstWait = first!.nextRunAt.getTime() - clock.getTime();

    clock = first!.nextRunAt;
    expect(await run()).toMatchObject({ retried: 1 });
    const second = await getJobByKey(db(), { dedupeKey });
    expect(second!.nextRunAt.getTime() - clock.getTime()).toBe(firstWait * 2);

    clock = second!.nextRunAt;
    expect(await run()).toMatchObject({ failed: 1 });
    expect(await getJobByKey(db(), { dedupeKey })).toMatchObject({ status: "failed", attempts: 3 });
    expect(await run()).toMatchObject({ claimed: 0 });
  });

  it("marks a job done and counts jobs by status (metadata only)", async () => {
    const user = await createTestUser(db());
    const kind = `done.${randomUUID()}`;
    const dedupeKey = key();
    await enqueueJob(db(), { kind, userId: user.id, payload: {}, dedupeKey });
    expect(await countJobs(db(), { kind })).toEqual({ pending: 1, running: 0, failed: 0, done: 0 });
    expect(await runDueJobs(db(), { [kind]: async () => {} })).toMatchObject({ done: 1 });
    expect(await getJobByKey(db(), { dedupeKey })).toMatchObject({ status: "done", lastError: null });
    expect(await countJobs(db(), { kind })).toEqual({ pending: 0, running: 0, failed: 0, done: 1 });
  });
});
