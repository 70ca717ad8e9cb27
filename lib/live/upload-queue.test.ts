import { describe, expect, it } from "vitest";
import { UploadQueue } from "./upload-queue";

const upload = (n: number) => ({ url: `/u/${n}`, body: new Blob([String(n)]), headers: { "x-n": String(n) } });

describe("UploadQueue", () => {
  it("sends in push order, one at a time, retrying server errors and network failures", async () => {
    const log: string[] = [];
    let inFlight = 0;
    const failuresLeft = new Map([["/u/1", 2]]);
    const fetch = (async (url: string) => {
      inFlight += 1;
      expect(inFlight).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      const left = failuresLeft.get(url) ?? 0;
      log.push(url);
      if (left > 0) {
        failuresLeft.set(url, left - 1);
        if (left === 2) throw new TypeError("network down");
        return new Response("busy", { status: 503 });
      }
      return new Response("{}", { status: 201 });
    }) as typeof globalThis.fetch;
    const waits: number[] = [];
    const queue = new UploadQueue({ fetch, sleep: async (ms) => void waits.push(ms), initialBackoffMs: 100 });
    for (const n of [0, 1, 2]) queue.push(upload(n));
    await queue.drain(1000);
    expect(log).toEqual(["/u/0", "/u/1", "/u/1", "/u/1", "/u/2"]);
    expect(waits).toEqual([100, 200]);
    expect({ sent: queue.sent, failed: queue.failed, pending: queue.pending }).toEqual({ sent: 3, failed: 0, pending: 0 });
  });

  it("gives up at once on a refusal no retry fixes, and after the last attempt otherwise", async () => {
    const calls: string[] = [];
    const fetch = (async (url: string) => {
      calls.push(url);
      return new Response("{}", { status: url === "/u/0" ? 413 : 500 });
    }) as typeof globalThis.fetch;
    const queue = new UploadQueue({ fetch, sleep: async () => {}, attempts: 3 });
    queue.push(upload(0));
    queue.push(upload(1));
    await queue.drain(1000);
    expect(calls).toEqual(["/u/0", "/u/1", "/u/1", "/u/1"]);
    expect(queue.failed).toBe(2);
  });

  it("stops waiting at the drain timeout", async () => {
    const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const queue = new UploadQueue({ fetch });
    queue.push(upload(0));
    const started = Date.now();
    await queue.drain(30);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(queue.pending).toBe(1);
  });
});
