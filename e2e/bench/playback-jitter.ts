import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import type { BenchFigure } from "./figure";
import { jitteredArrivals, playThrough } from "./playback-sim";

/*
 * The companion's voice under network jitter: 300 model turns (2–8 s each, 25–62 ms chunks sent
 * in real time) arrive with ±0, ±20 and ±40 ms of jitter and are played through the real
 * AudioPlayer on a fake Web Audio clock (see playback-sim.ts). A gap is silence inside a turn;
 * a hard cut is a gap entered or left without a fade; a dip is a fade-out already under way
 * when the next chunk came in time, so that chunk fades in right after it.
 */

const TURNS = 300;
const JITTERS_MS = [0, 20, 40];

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
  for (const jitterMs of JITTERS_MS) {
    const heard = playThrough(jitteredArrivals({ jitterMs, turns: TURNS, seed: 7 }));
    const atTarget = jitterMs === 20;
    const delays = heard.startDelays.map((s) => s * 1000);
    figures.push(
      { name: `±${jitterMs} ms: gaps per s of speech`, value: round(heard.gaps / heard.speechSeconds, 3), unit: "/s", ...(atTarget ? { target: "0" } : {}) },
      { name: `±${jitterMs} ms: silence per s of speech`, value: round((heard.silenceSeconds * 1000) / heard.speechSeconds), unit: "ms/s" },
      { name: `±${jitterMs} ms: hard cuts (gap without fade) per s`, value: round(heard.hardCuts / heard.speechSeconds, 3), unit: "/s", target: "0" },
      { name: `±${jitterMs} ms: dips (fade out, fade in, no silence) per s`, value: round(heard.dips / heard.speechSeconds, 3), unit: "/s" },
      { name: `±${jitterMs} ms: added start delay p50`, value: round(percentileNearestRank(delays, 50) ?? 0, 1), unit: "ms" },
      { name: `±${jitterMs} ms: added start delay p95`, value: round(percentileNearestRank(delays, 95) ?? 0, 1), unit: "ms", ...(atTarget ? { target: "≤ 45 ms" } : {}) },
    );
  }
  return figures;
}
