/*
 * Lengthens a chunk of speech without changing its pitch, the way WebRTC's NetEq builds up its
 * jitter buffer ("preemptive expand"): near the chunk's end, a stretch of `lag` samples is played
 * twice, the repeat cross-faded in, with `lag` chosen where the signal best resembles itself one
 * lag later (a whole number of pitch periods in voiced speech). The chunk keeps its last sample,
 * so it still joins the next chunk seamlessly.
 */

/** Shortest stretch repeated: 2.5 ms at 24 kHz, a 400 Hz voice's period. */
const MIN_LAG_SECONDS = 0.0025;
/** Longest: 16.7 ms, a 60 Hz voice's period. */
const MAX_LAG_SECONDS = 1 / 60;

/** Samples `lengthen` can add to a chunk of `length` samples at `rate` (0: too short to stretch). */
export function maxLengthening(length: number, rate: number): number {
  const most = Math.min(Math.floor(MAX_LAG_SECONDS * rate), Math.floor(length / 2));
  return most >= Math.ceil(MIN_LAG_SECONDS * rate) ? most : 0;
}

/**
 * `samples` lengthened by at least `wanted` samples (as far as `maxLengthening` allows; never by
 * less than one short period); returns the input itself when it is too short to stretch.
 */
export function lengthen(samples: Float32Array, wanted: number, rate: number): Float32Array {
  const n = samples.length;
  const most = maxLengthening(n, rate);
  if (most === 0 || wanted <= 0) return samples;
  const least = Math.min(most, Math.max(Math.ceil(MIN_LAG_SECONDS * rate), Math.ceil(wanted - 1e-6)));
  const lag = bestLag(samples, least, most);
  const out = new Float32Array(n + lag);
  const from = n - 2 * lag;
  out.set(samples.subarray(0, from + lag), 0);
  for (let i = 0; i < lag; i++) {
    const w = (i + 1) / (lag + 1);
    out[from + lag + i] = (1 - w) * samples[from + lag + i]! + w * samples[from + i]!;
  }
  out.set(samples.subarray(from + lag), from + 2 * lag);
  return out;
}

/** The lag in [least, most] at which the chunk's tail best matches itself (normalised correlation). */
function bestLag(x: Float32Array, least: number, most: number): number {
  const n = x.length;
  let best = least;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let lag = least; lag <= most; lag++) {
    const a = n - 2 * lag;
    let dot = 0;
    let energyA = 0;
    let energyB = 0;
    for (let i = 0; i < lag; i++) {
      const p = x[a + i]!;
      const q = x[a + lag + i]!;
      dot += p * q;
      energyA += p * p;
      energyB += q * q;
    }
    const score = energyA === 0 || energyB === 0 ? (energyA === energyB ? 1 : 0) : dot / Math.sqrt(energyA * energyB);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = lag;
    }
  }
  return best;
}
