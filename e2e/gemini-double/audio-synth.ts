import { OUTPUT_SAMPLE_RATE } from "./constants";

/*
 * The double's "voice": a soft major chord with a gentle tremolo and fades, as 24 kHz PCM16.
 * Pleasant enough to hear in a headed run, and never silent, so playback counters move.
 */

const CHORD_HZ = [261.63, 329.63, 392.0, 523.25];
const AMPLITUDE = 0.22;
const FADE_MS = 40;

/** `durationMs` of 24 kHz little-endian PCM16 mono. */
export function synthesizeReply(durationMs: number, sampleRate = OUTPUT_SAMPLE_RATE): Buffer {
  const samples = Math.max(0, Math.round((durationMs * sampleRate) / 1000));
  const fade = Math.round((FADE_MS * sampleRate) / 1000);
  const out = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) {
    const t = i / sampleRate;
    let value = 0;
    for (const [n, hz] of CHORD_HZ.entries()) value += Math.sin(2 * Math.PI * hz * t) / (n + 1.5);
    const tremolo = 0.85 + 0.15 * Math.sin(2 * Math.PI * 4 * t);
    const envelope = Math.min(1, i / fade, (samples - 1 - i) / fade);
    const sample = Math.max(-1, Math.min(1, value * AMPLITUDE * tremolo * Math.max(0, envelope)));
    out.writeInt16LE(Math.round(sample * 32767), i * 2);
  }
  return out;
}

/** Splits PCM16 into chunks of `chunkMs` (the last may be shorter). */
export function chunkPcm(pcm: Buffer, chunkMs: number, sampleRate = OUTPUT_SAMPLE_RATE): Buffer[] {
  const bytesPerChunk = Math.max(2, Math.round((chunkMs * sampleRate) / 1000) * 2);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < pcm.length; offset += bytesPerChunk) {
    chunks.push(pcm.subarray(offset, Math.min(pcm.length, offset + bytesPerChunk)));
  }
  return chunks;
}

/** The service streams model audio in chunks of 25–62 ms, never two sizes in a steady pattern. */
export const SERVICE_CHUNK_MS = { min: 25, max: 62 } as const;

/**
 * Splits PCM16 into chunks of varying length between SERVICE_CHUNK_MS.min and .max, from a
 * small seeded generator so a test run is repeatable.
 */
export function chunkPcmVarying(pcm: Buffer, seed: number, sampleRate = OUTPUT_SAMPLE_RATE): Buffer[] {
  let state = (seed * 2_654_435_761 + 1) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < pcm.length; ) {
    const ms = SERVICE_CHUNK_MS.min + Math.floor(next() * (SERVICE_CHUNK_MS.max - SERVICE_CHUNK_MS.min + 1));
    const bytes = Math.round((ms * sampleRate) / 1000) * 2;
    chunks.push(pcm.subarray(offset, Math.min(pcm.length, offset + bytes)));
    offset += bytes;
  }
  return chunks;
}

/**
 * Splits text into `parts` fragments at word boundaries, the way transcription streams arrive
 * (each fragment after the first starts with its space); joined, they give the text back.
 */
export function splitTranscript(text: string, parts: number): string[] {
  const words = text.split(/(?=\s)/);
  const count = Math.max(1, Math.min(parts, words.length));
  const fragments: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const from = Math.floor((i * words.length) / count);
    const to = Math.floor(((i + 1) * words.length) / count);
    fragments.push(words.slice(from, to).join(""));
  }
  return fragments.filter((fragment) => fragment !== "");
}
