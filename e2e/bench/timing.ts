import { performance } from "node:perf_hooks";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import type { BenchFigure } from "./figure";

/*
 * Server time of one query as the page would run it: a few warm-up calls (plans and caches as
 * on a server in use), then `rounds` timed calls, reported as p50 and p95. `before` runs untimed
 * ahead of each call: a write the call then has to see.
 */
export async function timeQuery(
  name: string,
  call: (round: number) => Promise<unknown>,
  { rounds = 40, warmup = 3, target, before }: { rounds?: number; warmup?: number; target?: string; before?: (round: number) => Promise<unknown> } = {},
): Promise<BenchFigure[]> {
  for (let i = 0; i < warmup; i++) {
    await before?.(-1 - i);
    await call(i);
  }
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await before?.(round);
    const started = performance.now();
    await call(round);
    samples.push(performance.now() - started);
  }
  const round2 = (value: number | null) => Math.round((value ?? 0) * 100) / 100;
  return [
    { name: `${name} p50`, value: round2(percentileNearestRank(samples, 50)), unit: "ms" },
    { name: `${name} p95`, value: round2(percentileNearestRank(samples, 95)), unit: "ms", ...(target ? { target } : {}) },
  ];
}
