import { backoffDelayMs } from "./backoff";
import { UPLOADS, inTransaction, openQueueDb, requestResult } from "./idb";

export interface Upload {
  url: string;
  body: Blob;
  headers: Record<string, string>;
}

/** An upload as IndexedDB keeps it: bytes rather than a Blob, which not every store can clone. */
interface StoredUpload {
  sessionId: string;
  /** Push order within the session: segments must reach the server in order. */
  order: number;
  url: string;
  headers: Record<string, string>;
  bytes: ArrayBuffer;
  type: string;
}

export interface UploadQueueDeps {
  fetch?: typeof fetch;
  indexedDB?: IDBFactory;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Statuses that no retry will fix (bad input, not allowed, out of order, too large, wrong type). 401/408/429/5xx and network errors are retried. */
const PERMANENT = new Set([400, 403, 404, 409, 410, 413, 415, 422]);
/** The browser's limit on keepalive bodies in flight while a page unloads. */
const KEEPALIVE_BYTES = 60_000;

/**
 * Recorded segments and camera frames, durable like turns: each is written to IndexedDB when
 * pushed and removed only once the server acknowledges it (or refuses it for good), so a server
 * outage or a reload loses nothing. Sent one at a time in push order, retried with backoff for
 * as long as it takes; the server stores each once, so a resend (retry, pagehide, reload) is harmless.
 * Without IndexedDB (some private windows) the queue still retries, in memory.
 */
export class UploadQueue {
  private readonly queue: Pending[] = [];
  private readonly db: Promise<IDBDatabase | null>;
  private readonly deps: Required<Omit<UploadQueueDeps, "indexedDB">>;
  private running: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  /** Numbers grow across page loads too, so a later page's uploads never take an earlier one's keys. */
  private nextOrder = Date.now() * 1000;
  private closed = false;
  sent = 0;
  failed = 0;

  constructor(
    readonly sessionId: string,
    deps: UploadQueueDeps = {},
  ) {
    this.deps = resolveDeps(deps);
    const factory = deps.indexedDB ?? globalThis.indexedDB;
    this.db = factory
      ? openQueueDb(factory).catch((error: unknown) => {
          console.warn("recorded media is kept in memory only", error);
          return null;
        })
      : Promise.resolve(null);
  }

  get pending(): number {
    return this.queue.length;
  }

  push(upload: Upload): void {
    const entry = { sessionId: this.sessionId, order: this.nextOrder++, url: upload.url, headers: upload.headers, type: upload.body.type, body: upload.body };
    const pending: Pending = { ...entry, stored: this.store(entry) };
    this.queue.push(pending);
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves true once nothing is pending, or false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.queue.length === 0) return true;
    const emptied = new Promise<void>((resolve) => this.waiters.push(resolve));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const result = await Promise.race([emptied, timedOut]);
    clearTimeout(timer);
    return result !== "timeout";
  }

  /**
   * Last chance on `pagehide`: what fits in the browser's keepalive budget goes out in order.
   * Nothing leaves IndexedDB (nobody will read the answers); the next load resends, harmlessly.
   */
  flushWithKeepalive(): number {
    let budget = KEEPALIVE_BYTES;
    let sent = 0;
    for (const entry of this.queue) {
      budget -= entry.body.size;
      if (budget < 0) break;
      void this.deps.fetch(entry.url, { ...requestInit(entry.headers, entry.body), keepalive: true }).catch(() => undefined);
      sent += 1;
    }
    return sent;
  }

  /** Stops sending; what is pending stays in IndexedDB for a later page (writes under way finish first). */
  close(): void {
    this.closed = true;
    void Promise.allSettled(this.queue.map((entry) => entry.stored))
      .then(() => this.db)
      .then((db) => db?.close());
  }

  /**
   * Sends the uploads an earlier page (reload, crash, closed tab) left behind, for every session
   * but `exceptSessionId`, each session's in order. Stops a session at its first failure that a
   * retry might fix; resolves with the number of uploads the server acknowledged.
   */
  static async recoverLeftovers(deps: UploadQueueDeps = {}, exceptSessionId?: string): Promise<number> {
    const resolved = resolveDeps(deps);
    const factory = deps.indexedDB ?? globalThis.indexedDB;
    if (!factory) return 0;
    const db = await openQueueDb(factory);
    try {
      const all = await requestResult<StoredUpload[]>(db.transaction(UPLOADS).objectStore(UPLOADS).getAll());
      const blocked = new Set<string>(exceptSessionId ? [exceptSessionId] : []);
      let acknowledged = 0;
      for (const entry of all) {
        if (blocked.has(entry.sessionId)) continue;
        const outcome = await post(resolved.fetch, entry.url, entry.headers, new Blob([entry.bytes], { type: entry.type }));
        if (outcome === "retry") {
          blocked.add(entry.sessionId);
          continue;
        }
        if (outcome === "ack") acknowledged += 1;
        await inTransaction(db, [UPLOADS], (tx) => tx.objectStore(UPLOADS).delete([entry.sessionId, entry.order]));
      }
      return acknowledged;
    } finally {
      db.close();
    }
  }

  private async store({ body, ...rest }: Omit<StoredUpload, "bytes"> & { body: Blob }): Promise<void> {
    const db = await this.db;
    if (!db) return;
    const bytes = await body.arrayBuffer();
    await inTransaction(db, [UPLOADS], (tx) => tx.objectStore(UPLOADS).put({ ...rest, bytes } satisfies StoredUpload)).catch((error: unknown) =>
      console.warn("a recorded upload is kept in memory only", error),
    );
  }

  private async run(): Promise<void> {
    let failures = 0;
    for (let entry = this.queue[0]; entry && !this.closed; entry = this.queue[0]) {
      // Kept in IndexedDB before it is first sent, so an acknowledgement removes it for good.
      await entry.stored;
      const outcome = await post(this.deps.fetch, entry.url, entry.headers, entry.body);
      if (outcome === "retry") {
        failures += 1;
        await sleep(backoffDelayMs(failures, { initialMs: this.deps.initialBackoffMs, maxMs: this.deps.maxBackoffMs }));
        continue;
      }
      failures = 0;
      if (outcome === "ack") this.sent += 1;
      else this.failed += 1;
      await this.forget(entry);
      this.queue.shift();
      if (this.queue.length === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  private async forget(entry: Pending): Promise<void> {
    const db = await this.db;
    if (!db || this.closed) return;
    await inTransaction(db, [UPLOADS], (tx) => tx.objectStore(UPLOADS).delete([entry.sessionId, entry.order])).catch(() => undefined);
  }
}

type Pending = Omit<StoredUpload, "bytes"> & { body: Blob; stored: Promise<void> };

type Outcome = "ack" | "refused" | "retry";

async function post(fetchImpl: typeof fetch, url: string, headers: Record<string, string>, body: Blob): Promise<Outcome> {
  try {
    const response = await fetchImpl(url, requestInit(headers, body));
    if (response.ok) return "ack";
    if (PERMANENT.has(response.status)) {
      console.error(`recorded upload refused (${response.status})`);
      return "refused";
    }
    return "retry";
  } catch {
    return "retry";
  }
}

function requestInit(headers: Record<string, string>, body: Blob): RequestInit {
  return { method: "POST", headers, body, credentials: "same-origin" };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function resolveDeps(deps: UploadQueueDeps) {
  return {
    fetch: deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    initialBackoffMs: deps.initialBackoffMs ?? 500,
    maxBackoffMs: deps.maxBackoffMs ?? 5_000,
  };
}
