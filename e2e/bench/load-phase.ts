import { performance } from "node:perf_hooks";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import type { Kind, Sample, SimulatedConversation } from "./load-traffic";

/*
 * One stretch of traffic: every conversation talks for `seconds` at `speed` times a person's
 * pace, then the writes still in flight are awaited (up to DRAIN_MS). Figures per kind of write.
 */

const DRAIN_MS = 15_000;

export interface KindFigures {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface PhaseResult {
  seconds: number;
  byKind: Record<Kind, KindFigures>;
  /** Acknowledged turns per second, over the phase and its drain. */
  turnsPerSecond: number;
  /** Every acknowledged request of any kind per second. */
  writesPerSecond: number;
  /** Requests answered, acknowledged or not. */
  requests: number;
  /** Writes still unanswered when the drain gave up (counted as errors too). */
  stuck: number;
  failures: string;
}

export class SampleSink {
  current: Sample[] = [];
  /** Over every phase: what the server said it stored, to hold against what it did store. */
  acknowledgedTurns = 0;
  readonly record = (sample: Sample) => {
    this.current.push(sample);
    if (sample.kind === "turn" && sample.ok) this.acknowledgedTurns += 1;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function figures(samples: Sample[], kind: Kind): KindFigures {
  const mine = samples.filter((sample) => sample.kind === kind);
  const times = mine.filter((sample) => sample.ok).map((sample) => sample.ms);
  const at = (p: number) => Math.round((percentileNearestRank(times, p) ?? Number.NaN) * 10) / 10;
  return { count: mine.length, errors: mine.filter((sample) => !sample.ok).length, p50: at(50), p95: at(95), p99: at(99) };
}

export async function runPhase(conversations: SimulatedConversation[], sink: SampleSink, { seconds, speed }: { seconds: number; speed: number }): Promise<PhaseResult> {
  const samples: Sample[] = [];
  sink.current = samples;
  const started = performance.now();
  const until = started + seconds * 1000;
  for (const conversation of conversations) conversation.talk(until, speed);
  await sleep(seconds * 1000);
  const drainUntil = performance.now() + DRAIN_MS;
  while (performance.now() < drainUntil && !conversations.every((conversation) => conversation.idle)) await sleep(50);
  for (const conversation of conversations) conversation.stop();
  const stuck = conversations.filter((conversation) => !conversation.idle).length;
  const elapsed = (performance.now() - started) / 1000;
  sink.current = [];
  const byKind = { turn: figures(samples, "turn"), segment: figures(samples, "segment"), heartbeat: figures(samples, "heartbeat") };
  byKind.turn.errors += stuck;
  const ok = samples.filter((sample) => sample.ok);
  return {
    seconds: elapsed,
    byKind,
    turnsPerSecond: Math.round((ok.filter((sample) => sample.kind === "turn").length / elapsed) * 10) / 10,
    writesPerSecond: Math.round((ok.length / elapsed) * 10) / 10,
    requests: samples.length,
    stuck,
    failures: failures(samples),
  };
}

/** "turn HTTP 500 ×3, segment network: socket hang up ×1": what failed, never what was sent. */
function failures(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) if (sample.failure) counts.set(`${sample.kind} ${sample.failure}`, (counts.get(`${sample.kind} ${sample.failure}`) ?? 0) + 1);
  return [...counts].map(([what, n]) => `${what} ×${n}`).join(", ");
}

export const phaseLine = (label: string, result: PhaseResult) =>
  `${label}: turns ${result.turnsPerSecond}/s p50/p95/p99 ${result.byKind.turn.p50}/${result.byKind.turn.p95}/${result.byKind.turn.p99} ms · ` +
  `segments p95 ${result.byKind.segment.p95} ms · heartbeats p95 ${result.byKind.heartbeat.p95} ms · all writes ${result.writesPerSecond}/s · ` +
  `errors ${result.byKind.turn.errors + result.byKind.segment.errors + result.byKind.heartbeat.errors}${result.failures ? ` (${result.failures})` : ""}`;
