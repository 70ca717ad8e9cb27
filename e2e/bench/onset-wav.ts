import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool } from "../support/speech-wav";

/*
 * The live-latency benchmark's fake microphone. The e2e WAV (one sentence per 7.4 s loop, a whole
 * number of 40 ms chunks) starts speaking at the same place in a capture chunk on every loop, so
 * it measured only a few phases of the chunk wait. This one holds ONSETS short utterances, each
 * starting a different fraction of a 40 ms chunk later than a whole number of PERIOD_SECONDS
 * (golden-ratio steps spread them evenly over 40 ms, and so over 20 or 10 ms chunks too).
 * Each utterance is one user turn: PERIOD_SECONDS leaves room for the Gemini double's end of
 * speech (600 ms of quiet), its answer, and the probe's 1 s of quiet before the next onset.
 */

export const ONSETS = 16;
export const PERIOD_SECONDS = 4;
const RATE = 16_000;
const PHASE_SPAN_SAMPLES = 640; // 40 ms at 16 kHz
const PHRASE = "Hello LiveMind.";
const GOLDEN = (Math.sqrt(5) - 1) / 2;

const artifactsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".artifacts");
const recipe = `${PHRASE}|${RATE}|${ONSETS}|${PERIOD_SECONDS}|${PHASE_SPAN_SAMPLES}|golden|en-us|150`;
const wavPath = path.join(artifactsDir, `bench-onsets-${createHash("sha256").update(recipe).digest("hex").slice(0, 12)}.wav`);

/** Where utterance `i` starts, in samples from the start of the file. */
export function onsetOffsetSamples(i: number): number {
  return i * PERIOD_SECONDS * RATE + Math.round(((i * GOLDEN) % 1) * PHASE_SPAN_SAMPLES);
}

function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** Generates the WAV once (cached by its recipe) and returns its path. */
export function ensureOnsetWav(): string {
  if (existsSync(wavPath)) return wavPath;
  requireTool("espeak-ng", "espeak-ng");
  requireTool("sox", "sox");
  mkdirSync(artifactsDir, { recursive: true });
  const spoken = `${wavPath}.${process.pid}.espeak.wav`;
  const raw = `${wavPath}.${process.pid}.raw`;
  const partial = `${wavPath}.${process.pid}.partial`;
  try {
    execFileSync("espeak-ng", ["-v", "en-us", "-s", "150", "-w", spoken, PHRASE], { stdio: "pipe" });
    // Trimmed so every utterance's onset sits at its offset; the same clip each time.
    execFileSync("sox", [spoken, "-r", String(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw, "norm", "-3", "silence", "1", "0.001", "1%"], { stdio: "pipe" });
    const clip = readFileSync(raw);
    const data = Buffer.alloc(ONSETS * PERIOD_SECONDS * RATE * 2);
    for (let i = 0; i < ONSETS; i++) clip.copy(data, onsetOffsetSamples(i) * 2 + RATE); // + 0.5 s lead-in
    writeFileSync(partial, Buffer.concat([wavHeader(data.length), data]));
    renameSync(partial, wavPath);
  } finally {
    for (const file of [spoken, raw, partial]) rmSync(file, { force: true });
  }
  return wavPath;
}
