import { type BreakerOptions, CircuitBreaker } from "./circuit-breaker";

/*
 * The process's breakers, one per external service, kept on globalThis so that Next's
 * module copies (route handlers, actions, after()) share one state.
 */

const registry = ((globalThis as { __livemindBreakers?: Map<string, CircuitBreaker> }).__livemindBreakers ??= new Map());

/** The named breaker; `options` apply only when it is first made (tests give it a clock). */
export function getBreaker(name: string, options?: BreakerOptions): CircuitBreaker {
  let breaker = registry.get(name);
  if (!breaker) {
    breaker = new CircuitBreaker(name, options);
    registry.set(name, breaker);
  }
  return breaker;
}

/** For admins: how many circuits are open (or trying one call) right now, and how often they opened. */
export function breakerCounts(): { open: number; opens: number } {
  let open = 0;
  let opens = 0;
  for (const breaker of registry.values()) {
    if (breaker.state !== "closed") open += 1;
    opens += breaker.opens;
  }
  return { open, opens };
}

/** Tests only: forget every breaker's state. */
export function resetBreakers(): void {
  registry.clear();
}
