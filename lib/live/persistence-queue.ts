import { backoffDelayMs } from "./backoff";
import { MAX_TURNS_PER_BATCH, turnsPath, type AppendTurnsBody, type AppendTurnsResult, type TurnInput } from "./contract";
import { COUNTERS, TURNS, inTransaction, openQueueDb, requestResult } from "./idb";
import type { ClosedTurn } from "./transcript-assembler";

interface StoredTurn extends TurnInput {
  sessionId: string;
}

export interface QueueStats {
  pending: number;
  acknowledged: number;
  /** Turns the server refused for good (bad input, session gone): dropped, never retried. */
  rejected: number;
}

export interface QueueDeps {
  fetch?: typeof fetch;
  indexedDB?: IDBFactory;
  sendBeacon?: (url: string, data: Blob) => boolean;
  /** How long to gather turns into one POST. */
  batchDelayMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  onChange?: (stats: QueueStats) => void;
}

/** Beacons must stay under the browser's 64 KiB in-flight limit; fetch batches under a sane body size. */
const BEACON_BYTES = 60_000;
const FETCH_BYTES = 512_000;
/** Statuses that no retry will fix. 401/408/429/5xx and network errors are retried. */
const PERMANENT = new Set([400, 403, 404, 410, 413, 422]);

/**
 * Every closed turn gets the next sequence number of its session and is written to IndexedDB
 * before anything else, then POSTed in batches until the server acknowledges it. Numbers are
 * never reused: the counter lives in IndexedDB next to the turns. The server inserts
 * idempotently on (session, sequence), so resending (retry, beacon, reload) never duplicates.
 */
export class PersistenceQueue {
  private readonly pendingTurns = new Map<number, TurnInput>();
  private stats: QueueStats = { pending: 0, acknowledged: 0, rejected: 0 };
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly sessionId: string,
    private readonly db: IDBDatabase,
    private nextSequence: number,
    private readonly deps: Required<Omit<QueueDeps, "onChange" | "sendBeacon">> & Pick<QueueDeps, "onChange" | "sendBeacon">,
  ) {}

  static async open(sessionId: string, deps: QueueDeps = {}): Promise<PersistenceQueue> {
    const resolved = resolveDeps(deps);
    const db = await openQueueDb(resolved.indexedDB);
    const counter = await requestResult<{ next: number } | undefined>(db.transaction(COUNTERS).objectStore(COUNTERS).get(sessionId));
    const stored = await sessionTurns(db, sessionId);
    const next = Math.max(counter?.next ?? 0, ...stored.map((t) => t.sequenceNumber + 1));
    const queue = new PersistenceQueue(sessionId, db, next, resolved);
    for (const turn of stored) queue.pendingTurns.set(turn.sequenceNumber, stripSession(turn));
    queue.changed();
    if (stored.length) queue.schedule(0);
    return queue;
  }

  /**
   * Sends the turns an earlier page (reload, crash, closed tab) left behind, for every session
   * but `exceptSessionId`. Resolves with the number of turns the server acknowledged.
   * `continuingSessionId`: a conversation this page may continue keeps its sequence counter.
   */
  static async recoverLeftovers(deps: QueueDeps = {}, exceptSessionId?: string, continuingSessionId?: string): Promise<number> {
    const resolved = resolveDeps(deps);
    const db = await openQueueDb(resolved.indexedDB);
    try {
      const all = await requestResult<StoredTurn[]>(db.transaction(TURNS).objectStore(TURNS).getAll());
      const counters = await requestResult<{ sessionId: string }[]>(db.transaction(COUNTERS).objectStore(COUNTERS).getAll());
      const sessions = new Set([...all.map((t) => t.sessionId), ...counters.map((c) => c.sessionId)]);
      sessions.delete(exceptSessionId ?? "");
      let acknowledged = 0;
      for (const sessionId of sessions) {
        const turns = all.filter((t) => t.sessionId === sessionId).map(stripSession);
        let done = true;
        for (const batch of batches(turns, FETCH_BYTES)) {
          const outcome = await post(resolved.fetch, sessionId, batch);
          if (outcome.kind === "retry") {
            done = false;
            break;
          }
          await deleteTurns(db, sessionId, outcome.kind === "ack" ? outcome.sequences : batch.map((t) => t.sequenceNumber));
          if (outcome.kind === "ack") acknowledged += outcome.sequences.length;
        }
        // That page is gone for good; its counter is only needed while its turns wait.
        if (done && sessionId !== continuingSessionId) await inTransaction(db, [COUNTERS], (tx) => tx.objectStore(COUNTERS).delete(sessionId));
      }
      return acknowledged;
    } finally {
      db.close();
    }
  }

  get snapshot(): QueueStats {
    return this.stats;
  }

  /** Numbers the turn, stores it durably, and schedules a send. */
  async enqueue(turn: ClosedTurn): Promise<TurnInput> {
    const numbered: TurnInput = { ...turn, sequenceNumber: this.nextSequence++ };
    this.pendingTurns.set(numbered.sequenceNumber, numbered);
    this.changed();
    const next = this.nextSequence;
    await inTransaction(this.db, [TURNS, COUNTERS], (tx) => {
      tx.objectStore(TURNS).put({ ...numbered, sessionId: this.sessionId } satisfies StoredTurn);
      tx.objectStore(COUNTERS).put({ sessionId: this.sessionId, next });
    });
    this.schedule(this.deps.batchDelayMs);
    return numbered;
  }

  /** Sends what is pending now (one batch after another); failures schedule a retry. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight ??= this.sendAll().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Resolves true once nothing is pending, or false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.pendingTurns.size === 0) return true;
    const emptied = new Promise<void>((resolve) => this.waiters.push(resolve));
    void this.flush();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timeout = setTimeout(() => resolve("timeout"), timeoutMs)));
    const result = await Promise.race([emptied, timedOut]);
    clearTimeout(timeout);
    return result !== "timeout";
  }

  /**
   * Last chance on `pagehide`: hands every pending turn to `navigator.sendBeacon`. Nothing is
   * removed from IndexedDB (a beacon is never acknowledged); the next load resends, harmlessly.
   */
  flushWithBeacon(): number {
    const send = this.deps.sendBeacon;
    if (!send || this.pendingTurns.size === 0) return 0;
    let sent = 0;
    for (const batch of batches(this.sortedPending(), BEACON_BYTES)) {
      const body: AppendTurnsBody = { turns: batch };
      if (!send(turnsPath(this.sessionId), new Blob([JSON.stringify(body)], { type: "application/json" }))) break;
      sent += batch.length;
    }
    return sent;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.db.close();
  }

  private async sendAll(): Promise<void> {
    while (!this.closed && this.pendingTurns.size > 0) {
      const [batch] = batches(this.sortedPending(), FETCH_BYTES);
      const outcome = await post(this.deps.fetch, this.sessionId, batch!);
      if (outcome.kind === "retry") {
        this.failures += 1;
        this.schedule(this.retryDelay());
        return;
      }
      this.failures = 0;
      const done = outcome.kind === "ack" ? outcome.sequences.filter((n) => this.pendingTurns.has(n)) : batch!.map((t) => t.sequenceNumber);
      for (const n of done) this.pendingTurns.delete(n);
      if (outcome.kind === "ack") this.stats = { ...this.stats, acknowledged: this.stats.acknowledged + done.length };
      else this.stats = { ...this.stats, rejected: this.stats.rejected + done.length };
      this.changed();
      if (!this.closed) await deleteTurns(this.db, this.sessionId, done);
      if (done.length === 0) {
        // The server answered without acknowledging anything we sent: back off rather than spin.
        this.failures += 1;
        this.schedule(this.retryDelay());
        return;
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private retryDelay(): number {
    return backoffDelayMs(this.failures, { initialMs: this.deps.initialBackoffMs, maxMs: this.deps.maxBackoffMs });
  }

  private sortedPending(): TurnInput[] {
    return [...this.pendingTurns.values()].sort((a, b) => a.sequenceNumber - b.sequenceNumber);
  }

  private changed(): void {
    this.stats = { ...this.stats, pending: this.pendingTurns.size };
    this.deps.onChange?.(this.stats);
    if (this.pendingTurns.size === 0) {
      for (const resolve of this.waiters.splice(0)) resolve();
    }
  }
}

type PostOutcome = { kind: "ack"; sequences: number[] } | { kind: "rejected" } | { kind: "retry" };

async function post(fetchImpl: typeof fetch, sessionId: string, turns: TurnInput[]): Promise<PostOutcome> {
  try {
    const body: AppendTurnsBody = { turns };
    const response = await fetchImpl(turnsPath(sessionId), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    if (PERMANENT.has(response.status)) return { kind: "rejected" };
    if (!response.ok) return { kind: "retry" };
    const result = (await response.json()) as AppendTurnsResult;
    return Array.isArray(result.acknowledged) ? { kind: "ack", sequences: result.acknowledged } : { kind: "retry" };
  } catch {
    return { kind: "retry" };
  }
}

/** Consecutive batches of at most MAX_TURNS_PER_BATCH turns and about `maxBytes` of JSON each. */
function batches(turns: TurnInput[], maxBytes: number): TurnInput[][] {
  const out: TurnInput[][] = [];
  let current: TurnInput[] = [];
  let bytes = 0;
  for (const turn of turns) {
    const size = JSON.stringify(turn).length * 3 + 1;
    if (current.length && (current.length === MAX_TURNS_PER_BATCH || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(turn);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

async function sessionTurns(db: IDBDatabase, sessionId: string): Promise<StoredTurn[]> {
  const index = db.transaction(TURNS).objectStore(TURNS).index("bySession");
  return requestResult<StoredTurn[]>(index.getAll(sessionId));
}

function deleteTurns(db: IDBDatabase, sessionId: string, sequences: number[]): Promise<void> {
  if (sequences.length === 0) return Promise.resolve();
  return inTransaction(db, [TURNS], (tx) => {
    const store = tx.objectStore(TURNS);
    for (const n of sequences) store.delete([sessionId, n]);
  });
}

function stripSession({ sessionId: _sessionId, ...turn }: StoredTurn): TurnInput {
  return turn;
}

function resolveDeps(deps: QueueDeps) {
  const indexedDB = deps.indexedDB ?? globalThis.indexedDB;
  if (!indexedDB) throw new Error("IndexedDB is not available");
  return {
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    indexedDB,
    sendBeacon: deps.sendBeacon ?? (typeof navigator !== "undefined" && navigator.sendBeacon ? navigator.sendBeacon.bind(navigator) : undefined),
    batchDelayMs: deps.batchDelayMs ?? 200,
    initialBackoffMs: deps.initialBackoffMs ?? 500,
    maxBackoffMs: deps.maxBackoffMs ?? 15_000,
    onChange: deps.onChange,
  };
}
