import type { Benchmark, BenchFigure } from "./figure";

/*
 * `npm run bench`: runs every benchmark below in turn and prints its figures. No pass/fail:
 * targets are printed beside the numbers. Add a module here to add a benchmark.
 */
const BENCHMARKS: { name: string; load: () => Promise<{ run: Benchmark }> }[] = [
  { name: "audio CPU", load: () => import("./audio-cpu") },
  { name: "playback under jitter (AudioPlayer, simulated arrivals)", load: () => import("./playback-jitter") },
  { name: "live latency (Chromium, Gemini double)", load: () => import("./live-latency") },
  { name: "Sessions and Replay queries (seeded 10k conversations / 1M turns)", load: () => import("./history-queries") },
  { name: "Admin and Insights queries (seeded 1k users / 100k conversations / 2M turns)", load: () => import("./analytics-queries") },
  { name: "password check: worst case of a sign-up's strength estimate", load: () => import("./password-check") },
  { name: "memory recall (one user, 500 / 5,000 / 50,000 memories)", load: () => import("./memory-recall") },
  { name: "memory extraction: jobs against the Gemini double (PostgreSQL, PGlite)", load: () => import("./memory-extraction") },
  { name: "knowledge search (one persona, 2,000 chunks)", load: () => import("./knowledge-search") },
  { name: "api: REST v1 sessions list and search, 50 keys at once (PostgreSQL, next start)", load: () => import("./api") },
  { name: "webhooks: delivery throughput and enqueue → received (PostgreSQL, PGlite)", load: () => import("./webhooks") },
  { name: "load: live conversations against next start (PostgreSQL, PGlite)", load: () => import("./load") },
];

function print(name: string, figures: BenchFigure[]): void {
  console.log(`\n${name}`);
  for (const f of figures) {
    const target = f.target ? `  (target ${f.target})` : "";
    console.log(`  ${f.name.padEnd(56)} ${String(f.value).padStart(10)} ${f.unit}${target}`);
  }
}

async function main(): Promise<void> {
  // `npm run bench -- sessions` runs only the benchmarks whose name contains the word.
  const only = process.argv[2]?.toLowerCase();
  let failed = false;
  for (const bench of BENCHMARKS.filter((candidate) => !only || candidate.name.toLowerCase().includes(only))) {
    try {
      const { run } = await bench.load();
      print(bench.name, await run());
    } catch (error) {
      failed = true;
      console.error(`\n${bench.name}: could not run`, error);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
