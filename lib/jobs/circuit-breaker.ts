/*
 * A circuit breaker around an external service (the seed's idea: after 5 failures in a row
 * stop calling for 60 s, then let one trial call through). State is per process: it protects
 * the service and our workers, it holds no work (the work is in the job table).
 */

export type BreakerState = "closed" | "open" | "half-open";

export class CircuitOpenError extends Error {
  readonly retryAt: Date;
  constructor(name: string, retryAt: Date) {
    super(`The ${name} circuit is open until ${retryAt.toISOString()}.`);
    this.name = "CircuitOpenError";
    this.retryAt = retryAt;
  }
}

export interface BreakerOptions {
  threshold?: number;
  cooldownMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  readonly name: string;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  /** How many times the circuit has opened since the process started. */
  opens = 0;

  constructor(name: string, { threshold = 5, cooldownMs = 60_000, now = Date.now }: BreakerOptions = {}) {
    this.name = name;
    this.threshold = threshold;
    this.cooldownMs = cooldownMs;
    this.now = now;
  }

  get state(): BreakerState {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= this.cooldownMs ? "half-open" : "open";
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * Runs `call` unless the circuit is open. `isFailure` says which errors count against the
   * service (an outage or a timeout does; a refused request of ours does not).
   */
  async run<T>(call: () => Promise<T>, isFailure: (error: unknown) => boolean = () => true): Promise<T> {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.trialInFlight)) {
      throw new CircuitOpenError(this.name, new Date((this.openedAt ?? this.now()) + this.cooldownMs));
    }
    const trial = state === "half-open";
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      if (isFailure(error)) this.recordFailure(trial);
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private recordFailure(trial: boolean): void {
    this.failures += 1;
    if (trial || this.failures >= this.threshold) {
      if (this.openedAt === null || trial) this.opens += 1;
      this.openedAt = this.now();
    }
  }
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`Timed out after ${ms} ms.`);
    this.name = "TimeoutError";
  }
}

/** Rejects after `ms` and aborts the signal handed to `call`, so the request itself stops. */
export async function withTimeout<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
