export interface Upload {
  url: string;
  body: Blob;
  headers: Record<string, string>;
}

export interface UploadQueueDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per upload before it is given up. */
  attempts?: number;
  initialBackoffMs?: number;
}

/** Statuses that no retry will fix (bad input, not allowed, too large, wrong type). */
const PERMANENT = new Set([400, 401, 403, 404, 409, 413, 415, 422]);

/**
 * Sends uploads one at a time, in the order they were pushed (a recording's segments must be
 * stored in order), retrying network errors and 5xx with exponential backoff.
 */
export class UploadQueue {
  private readonly queue: Upload[] = [];
  private running: Promise<void> | null = null;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly attempts: number;
  private readonly initialBackoffMs: number;
  sent = 0;
  failed = 0;

  constructor(deps: UploadQueueDeps = {}) {
    this.fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.attempts = deps.attempts ?? 5;
    this.initialBackoffMs = deps.initialBackoffMs ?? 500;
  }

  get pending(): number {
    return this.queue.length;
  }

  push(upload: Upload): void {
    this.queue.push(upload);
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when the queue is empty or after `timeoutMs`, whichever comes first. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    while (this.running) {
      const done = await Promise.race([this.running.then(() => true), timeout.then(() => false)]);
      if (!done) break;
    }
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    for (let upload = this.queue[0]; upload; upload = this.queue[0]) {
      if (await this.send(upload)) this.sent += 1;
      else this.failed += 1;
      this.queue.shift();
    }
  }

  private async send(upload: Upload): Promise<boolean> {
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      if (attempt > 0) await this.sleep(this.initialBackoffMs * 2 ** (attempt - 1));
      try {
        const response = await this.fetch(upload.url, { method: "POST", body: upload.body, headers: upload.headers });
        if (response.ok) return true;
        if (PERMANENT.has(response.status)) {
          console.error(`upload refused (${response.status}): ${await response.text().catch(() => "")}`);
          return false;
        }
      } catch {
        // Network error: retried below.
      }
    }
    return false;
  }
}
