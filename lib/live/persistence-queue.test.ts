import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { appendTurnsBody, turnsPath, type TurnInput } from "./contract";
import { PersistenceQueue } from "./persistence-queue";
import type { ClosedTurn } from "./transcript-assembler";

const SESSION = "5f0c2a9e-8a43-4c8e-9a55-0d7f1b2c3d4e";
const OTHER = "7a1d3c5e-2b4f-4a6c-8e0a-1b3d5f7a9c2e";

const turn = (text: string, sender: "user" | "model" = "user"): ClosedTurn => ({
  sender, text, startOffsetMs: 0, endOffsetMs: 10, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null,
});

/** An idempotent server like the real route: stores by (session, sequence), can be told to fail. */
function fakeServer() {
  const stored = new Map<string, Map<number, TurnInput>>();
  const requests: { url: string; sequences: number[] }[] = [];
  let failNext = 0;
  let status = 200;
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const body = appendTurnsBody.parse(JSON.parse(String(init?.body)));
    requests.push({ url: String(url), sequences: body.turns.map((t) => t.sequenceNumber) });
    if (failNext > 0) {
      failNext -= 1;
      return new Response("unavailable", { status: 503 });
    }
    if (status !== 200) return new Response("{}", { status });
    const sessionId = String(url).split("/").at(-2)!;
    const rows = stored.get(sessionId) ?? new Map<number, TurnInput>();
    stored.set(sessionId, rows);
    for (const t of body.turns) if (!rows.has(t.sequenceNumber)) rows.set(t.sequenceNumber, t);
    return Response.json({ acknowledged: body.turns.map((t) => t.sequenceNumber) });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    stored,
    requests,
    failTimes: (n: number) => (failNext = n),
    setStatus: (s: number) => (status = s),
  };
}

const fast = { batchDelayMs: 0, initialBackoffMs: 5, maxBackoffMs: 20 };

describe("PersistenceQueue", () => {
  it("numbers turns in order, batches them and forgets them once acknowledged", async () => {
    const server = fakeServer();
    const indexedDB = new IDBFactory();
    const queue = await PersistenceQueue.open(SESSION, { ...fast, batchDelayMs: 20, fetch: server.fetch, indexedDB });
    const numbered = await Promise.all([queue.enqueue(turn("a")), queue.enqueue(turn("b", "model")), queue.enqueue(turn("c"))]);
    expect(numbered.map((t) => t.sequenceNumber)).toEqual([0, 1, 2]);
    expect(await queue.drain(2000)).toBe(true);
    expect(server.requests).toEqual([{ url: turnsPath(SESSION), sequences: [0, 1, 2] }]);
    expect([...server.stored.get(SESSION)!.values()].map((t) => t.text)).toEqual(["a", "b", "c"]);
    expect(queue.snapshot).toEqual({ pending: 0, acknowledged: 3, rejected: 0 });
    queue.close();

    const reopened = await PersistenceQueue.open(SESSION, { ...fast, fetch: server.fetch, indexedDB });
    expect(reopened.snapshot.pending).toBe(0);
    expect((await reopened.enqueue(turn("d"))).sequenceNumber).toBe(3);
    reopened.close();
  });

  it("retries with backoff until the server acknowledges, without duplicating rows", async () => {
    const server = fakeServer();
    server.failTimes(3);
    const queue = await PersistenceQueue.open(SESSION, { ...fast, fetch: server.fetch, indexedDB: new IDBFactory() });
    await queue.enqueue(turn("hello"));
    expect(await queue.drain(2000)).toBe(true);
    expect(server.requests.map((r) => r.sequences)).toEqual([[0], [0], [0], [0]]);
    expect(server.stored.get(SESSION)!.size).toBe(1);
    queue.close();
  });

  it("survives a network error thrown by fetch", async () => {
    const server = fakeServer();
    let calls = 0;
    const flaky = (async (...args: Parameters<typeof fetch>) => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch");
      return server.fetch(...args);
    }) as typeof fetch;
    const queue = await PersistenceQueue.open(SESSION, { ...fast, fetch: flaky, indexedDB: new IDBFactory() });
    await queue.enqueue(turn("x"));
    expect(await queue.drain(2000)).toBe(true);
    expect(calls).toBe(2);
    queue.close();
  });

  it("keeps unacknowledged turns in IndexedDB across a reload and never reuses their numbers", async () => {
    const indexedDB = new IDBFactory();
    const down = fakeServer();
    down.setStatus(503);
    const first = await PersistenceQueue.open(SESSION, { ...fast, initialBackoffMs: 60_000, fetch: down.fetch, indexedDB });
    await first.enqueue(turn("one"));
    await first.enqueue(turn("two"));
    first.close(); // the page goes away without an acknowledgement

    const server = fakeServer();
    // A later page with a new session recovers the earlier page's turns.
    expect(await PersistenceQueue.recoverLeftovers({ fetch: server.fetch, indexedDB }, OTHER)).toBe(2);
    expect([...server.stored.get(SESSION)!.entries()].map(([n, t]) => [n, t.text])).toEqual([[0, "one"], [1, "two"]]);
    expect(await PersistenceQueue.recoverLeftovers({ fetch: server.fetch, indexedDB }, OTHER)).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("reopening the same session resumes the counter after the stored turns", async () => {
    const indexedDB = new IDBFactory();
    const down = fakeServer();
    down.setStatus(503);
    const first = await PersistenceQueue.open(SESSION, { ...fast, initialBackoffMs: 60_000, fetch: down.fetch, indexedDB });
    await first.enqueue(turn("one"));
    first.close();

    const server = fakeServer();
    const second = await PersistenceQueue.open(SESSION, { ...fast, fetch: server.fetch, indexedDB });
    expect(second.snapshot.pending).toBe(1);
    expect((await second.enqueue(turn("two"))).sequenceNumber).toBe(1);
    expect(await second.drain(2000)).toBe(true);
    expect([...server.stored.get(SESSION)!.keys()]).toEqual([0, 1]);
    second.close();
  });

  it("leaves the current session's turns to its own queue when recovering", async () => {
    const indexedDB = new IDBFactory();
    const down = fakeServer();
    down.setStatus(503);
    const queue = await PersistenceQueue.open(SESSION, { ...fast, initialBackoffMs: 60_000, fetch: down.fetch, indexedDB });
    await queue.enqueue(turn("mine"));
    const server = fakeServer();
    expect(await PersistenceQueue.recoverLeftovers({ fetch: server.fetch, indexedDB }, SESSION)).toBe(0);
    expect(server.requests).toHaveLength(0);
    queue.close();
  });

  it("drops turns the server refuses for good (404: not the caller's session) instead of retrying forever", async () => {
    const server = fakeServer();
    server.setStatus(404);
    const queue = await PersistenceQueue.open(SESSION, { ...fast, fetch: server.fetch, indexedDB: new IDBFactory() });
    await queue.enqueue(turn("lost cause"));
    expect(await queue.drain(2000)).toBe(true);
    expect(queue.snapshot).toEqual({ pending: 0, acknowledged: 0, rejected: 1 });
    expect(server.requests).toHaveLength(1);
    queue.close();
  });

  it("flushWithBeacon sends every pending turn as JSON and keeps them for the next load", async () => {
    const indexedDB = new IDBFactory();
    const down = fakeServer();
    down.setStatus(503);
    const beacons: { url: string; body: string; type: string }[] = [];
    const pendingBodies: Promise<void>[] = [];
    const sendBeacon = (url: string, data: Blob) => {
      pendingBodies.push(data.text().then((body) => void beacons.push({ url, body, type: data.type })));
      return true;
    };
    const queue = await PersistenceQueue.open(SESSION, { ...fast, initialBackoffMs: 60_000, fetch: down.fetch, indexedDB, sendBeacon });
    for (let i = 0; i < 60; i++) await queue.enqueue(turn(`turn ${i}`));
    expect(queue.flushWithBeacon()).toBe(60);
    await Promise.all(pendingBodies);
    expect(beacons.every((b) => b.url === turnsPath(SESSION) && b.type === "application/json")).toBe(true);
    const sent = beacons.flatMap((b) => appendTurnsBody.parse(JSON.parse(b.body)).turns.map((t) => t.sequenceNumber));
    expect(sent).toEqual(Array.from({ length: 60 }, (_, i) => i));
    queue.close();

    const server = fakeServer();
    expect(await PersistenceQueue.recoverLeftovers({ fetch: server.fetch, indexedDB })).toBe(60);
  });
});
