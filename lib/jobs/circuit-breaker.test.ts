import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError, TimeoutError, withTimeout } from "./circuit-breaker";

describe("circuit breaker", () => {
  it("opens after 5 failures in a row, refuses calls for 60 s, then closes after one good trial", async () => {
    let now = 0;
    const breaker = new CircuitBreaker("svc", { now: () => now });
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error("503"));
    };
    for (let i = 0; i < 4; i += 1) await expect(breaker.run(failing)).rejects.toThrow("503");
    expect(breaker.state).toBe("closed");
    await expect(breaker.run(failing)).rejects.toThrow("503");
    expect(breaker.state).toBe("open");
    await expect(breaker.run(failing)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(5);

    now = 59_999;
    await expect(breaker.run(failing)).rejects.toBeInstanceOf(CircuitOpenError);
    now = 60_000;
    expect(breaker.state).toBe("half-open");
    // A failed trial opens it again for a full cooldown.
    await expect(breaker.run(failing)).rejects.toThrow("503");
    expect(breaker.state).toBe("open");
    now = 120_000;
    await expect(breaker.run(async () => "ok")).resolves.toBe("ok");
    expect(breaker.state).toBe("closed");
    expect(breaker.opens).toBe(2);
  });

  it("does not count errors the caller says are not the service's fault", async () => {
    const breaker = new CircuitBreaker("svc", { threshold: 1 });
    await expect(breaker.run(() => Promise.reject(new Error("bad input")), () => false)).rejects.toThrow();
    expect(breaker.state).toBe("closed");
  });

  it("times out a slow call and aborts its signal", async () => {
    let aborted = false;
    const slow = (signal: AbortSignal) =>
      new Promise<string>((resolve) => {
        signal.addEventListener("abort", () => {
          aborted = true;
        });
        setTimeout(() => resolve("late"), 1_000);
      });
    await expect(withTimeout(20, slow)).rejects.toBeInstanceOf(TimeoutError);
    expect(aborted).toBe(true);
    await expect(withTimeout(1_000, async () => "fast")).resolves.toBe("fast");
  });
});
