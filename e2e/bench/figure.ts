/** One printed benchmark figure. Benchmarks report; they never pass or fail. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The target in words, e.g. "≤ 1 ms". */
  target?: string;
}

/** A benchmark module's entry point. */
export type Benchmark = () => Promise<BenchFigure[]>;
