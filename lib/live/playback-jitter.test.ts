import { describe, expect, it } from "vitest";
import { type Arrival, jitteredArrivals, playThrough } from "@/e2e/bench/playback-sim";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";

/*
 * The player fed model audio the way it arrives over a real network, on a clock that moves like
 * Chromium's currentTime (see playback-sim.ts).
 */

const p95 = (values: number[]) => percentileNearestRank(values, 95) ?? Number.NaN;

/** One turn of 40 ms chunks in real time, where chunk `late` arrives `lateBy` seconds late. */
function turnWithLateChunk(late: number, lateBy: number, chunks = 40): Arrival[] {
  return Array.from({ length: chunks }, (_, i) => ({
    at: 1 + i * 0.04 + (i === late ? lateBy : 0),
    samples: 960,
    turn: 0,
    lastOfTurn: i === chunks - 1,
  })).map((arrival, i, all) => ({ ...arrival, at: Math.max(arrival.at, all[i - 1]?.at ?? 0) }));
}

describe("AudioPlayer under network jitter", () => {
  it("plays real-time audio arriving with ±20 ms jitter without a single gap, starting within 45 ms (p95)", () => {
    for (const seed of [7, 11, 13]) {
      const heard = playThrough(jitteredArrivals({ jitterMs: 20, turns: 100, seed }));
      expect(heard.gaps).toBe(0);
      expect(p95(heard.startDelays)).toBeLessThanOrEqual(0.045);
    }
  });

  it("starts within 30 ms even when the network jitters more, and still never cuts hard", () => {
    const heard = playThrough(jitteredArrivals({ jitterMs: 40, turns: 100, seed: 11 }));
    expect(Math.max(...heard.startDelays)).toBeLessThanOrEqual(0.03 + 0.01);
    expect(heard.hardCuts).toBe(0);
  });

  it("a gap that jitter forces is short: it waits for the late chunk, not for a whole new buffer", () => {
    const heard = playThrough(jitteredArrivals({ jitterMs: 20, turns: 100, seed: 11 }));
    expect(heard.gaps === 0 || heard.silenceSeconds / heard.gaps < 0.015).toBe(true);
  });

  it("waits less before the first sound once the network has shown it does not jitter", () => {
    const heard = playThrough(jitteredArrivals({ jitterMs: 0, turns: 40, seed: 3 }));
    expect(heard.gaps).toBe(0);
    expect(Math.max(...heard.startDelays.slice(2))).toBeLessThanOrEqual(0.015);
  });

  it("fades out and back in around a real underrun instead of cutting the voice", () => {
    const heard = playThrough(turnWithLateChunk(20, 0.3));
    expect(heard.gaps).toBe(1);
    expect(heard.hardCuts).toBe(0);
  });

  it("keeps the start delay bounded however bad the network gets", () => {
    const heard = playThrough(jitteredArrivals({ jitterMs: 400, turns: 60, seed: 5 }));
    expect(Math.max(...heard.startDelays)).toBeLessThanOrEqual(0.2);
  });
});
