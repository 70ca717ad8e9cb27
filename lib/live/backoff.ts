/** Wait before the next retry after `failures` failed attempts in a row: doubling from `initialMs`, capped at `maxMs`. */
export function backoffDelayMs(failures: number, { initialMs, maxMs }: { initialMs: number; maxMs: number }): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}
