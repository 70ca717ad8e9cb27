import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { UploadQueue } from "./upload-queue";

const SESSION = "5f0c2a9e-8a43-4c8e-9a55-0d7f1b2c3d4e";
const OTHER = "7a1d3c5e-2b4f-4a6c-8e0a-1b3d5f7a9c2e";

const upload = (n: number, sessionId = SESSION) => ({ url: `/api/live/sessions/${sessionId}/media/audio`, body: new Blob([`segment ${n}`]), headers: { "x-sequence-number": String(n) } });

/** A server that stores by (session, sequence number) like the real route, and can be taken down. */
function fakeServer() {
  const stored = new Map<string, string>();
  const log: string[] = [];
  let down = false;
  let status = 201;
  const fetch = (async (url: string, init: RequestInit) => {
    const n = (init.headers as Record<string, string>)["x-sequence-number"];
    log.push(`${url.split("/")[4]?.slice(0, 4)}#${n}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (down) throw new TypeError("Failed to fetch");
    if (status !== 201) return new Response("{}", { status });
    const key = `${url}#${n}`;
    const fresh = !stored.has(key);
    stored.set(key, await new Response(init.body as BodyInit).text());
    return new Response("{}", { status: fresh ? 201 : 200 });
  }) as typeof globalThis.fetch;
  return {
    fetch,
    log,
    stored,
    setDown: (value: boolean) => (down = value),
    setStatus: (value: number) => (status = value),
  };
}

const fast = { initialBackoffMs: 2, maxBackoffMs: 8 };

describe("UploadQueue", () => {
  it("sends in push order, one at a time, and keeps retrying through an outage far longer than three attempts", async () => {
    const server = fakeServer();
    const indexedDB = new IDBFactory();
    const queue = new UploadQueue(SESSION, { fetch: server.fetch, indexedDB, ...fast });
    server.setDown(true);
    for (const n of [0, 1, 2]) queue.push(upload(n));
    await expect.poll(() => server.log.length, { timeout: 5000 }).toBeGreaterThan(10);
    expect(new Set(server.log)).toEqual(new Set([`${SESSION.slice(0, 4)}#0`]));
    expect(queue.pending).toBe(3);

    server.setDown(false);
    expect(await queue.drain(5000)).toBe(true);
    expect([...server.stored.values()]).toEqual(["segment 0", "segment 1", "segment 2"]);
    expect({ sent: queue.sent, failed: queue.failed, pending: queue.pending }).toEqual({ sent: 3, failed: 0, pending: 0 });
  });

  it("gives up at once only on a refusal no retry fixes", async () => {
    const server = fakeServer();
    server.setStatus(413);
    const queue = new UploadQueue(SESSION, { fetch: server.fetch, indexedDB: new IDBFactory(), ...fast });
    queue.push(upload(0));
    queue.push(upload(1));
    expect(await queue.drain(1000)).toBe(true);
    expect(server.log).toHaveLength(2);
    expect(queue.failed).toBe(2);
  });

  it("keeps what was not acknowledged in IndexedDB: a reloaded page sends it, once, in order", async () => {
    const server = fakeServer();
    const indexedDB = new IDBFactory();
    server.setDown(true);
    const first = new UploadQueue(SESSION, { fetch: server.fetch, indexedDB, ...fast });
    const second = new UploadQueue(OTHER, { fetch: server.fetch, indexedDB, ...fast });
    for (const n of [0, 1]) first.push(upload(n));
    second.push(upload(0, OTHER));
    await expect.poll(() => server.log.length, { timeout: 5000 }).toBeGreaterThan(2);
    // The page goes away mid-outage.
    first.close();
    second.close();

    server.setDown(false);
    const afterReload = await UploadQueue.recoverLeftovers({ fetch: server.fetch, indexedDB });
    expect(afterReload).toBe(3);
    // Each session's uploads in their order (a request the closed page had in flight may land first).
    const keys = [...server.stored.keys()].map((key) => key.split("/")[4]!.slice(0, 4) + key.slice(-2));
    expect(keys.filter((key) => key.startsWith(SESSION.slice(0, 4)))).toEqual([`${SESSION.slice(0, 4)}#0`, `${SESSION.slice(0, 4)}#1`]);
    expect(keys).toContain(`${OTHER.slice(0, 4)}#0`);
    // Nothing is left for the next load.
    expect(await UploadQueue.recoverLeftovers({ fetch: server.fetch, indexedDB })).toBe(0);
  });

  it("leaves the live session's uploads to its own queue, and a still-unreachable server's to the next load", async () => {
    const server = fakeServer();
    const indexedDB = new IDBFactory();
    server.setDown(true);
    const live = new UploadQueue(SESSION, { fetch: server.fetch, indexedDB, ...fast });
    const earlier = new UploadQueue(OTHER, { fetch: server.fetch, indexedDB, ...fast });
    live.push(upload(0));
    earlier.push(upload(0, OTHER));
    await expect.poll(() => server.log.length, { timeout: 5000 }).toBeGreaterThan(1);
    live.close();
    earlier.close();
    expect(await UploadQueue.recoverLeftovers({ fetch: server.fetch, indexedDB }, SESSION)).toBe(0);
    server.setDown(false);
    expect(await UploadQueue.recoverLeftovers({ fetch: server.fetch, indexedDB }, SESSION)).toBe(1);
    expect(await UploadQueue.recoverLeftovers({ fetch: server.fetch, indexedDB })).toBe(1);
  });

  it("hands pending uploads to keepalive requests on pagehide without forgetting them", async () => {
    const server = fakeServer();
    const indexedDB = new IDBFactory();
    server.setDown(true);
    const kept: RequestInit[] = [];
    const fetch = ((url: string, init: RequestInit) => {
      if (init.keepalive) kept.push(init);
      return server.fetch(url, init);
    }) as typeof globalThis.fetch;
    const queue = new UploadQueue(SESSION, { fetch, indexedDB, ...fast });
    queue.push(upload(0));
    queue.push(upload(1));
    await expect.poll(() => server.log.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(queue.flushWithKeepalive()).toBe(2);
    expect(kept.map((init) => (init.headers as Record<string, string>)["x-sequence-number"])).toEqual(["0", "1"]);
    queue.close();
    server.setDown(false);
    expect(await UploadQueue.recoverLeftovers({ fetch: server.fetch, indexedDB })).toBe(2);
  });

  it("stops waiting at the drain timeout", async () => {
    const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const queue = new UploadQueue(SESSION, { fetch, indexedDB: new IDBFactory() });
    queue.push(upload(0));
    const started = Date.now();
    expect(await queue.drain(30)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(queue.pending).toBe(1);
  });
});
