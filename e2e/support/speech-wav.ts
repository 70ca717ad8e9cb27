import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/*
 * The fake microphone's recording: what Chromium plays through --use-file-for-fake-audio-capture.
 * Chromium loops the file, so each loop is one user turn: a short lead-in, the sentence, then
 * enough quiet for the Gemini double's end-of-speech detector and its answer to finish before
 * the next loop starts speaking.
 */

/** What the WAV says; the Gemini double's default input transcription is exactly this text. */
export const SPEECH_SENTENCE = "Hello LiveMind, what can you see on my camera today?";

export const SPEECH_SAMPLE_RATE = 16_000;
export const SPEECH_LEAD_SILENCE_SECONDS = 0.5;
export const SPEECH_TAIL_SILENCE_SECONDS = 3;

const artifactsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".artifacts");
const recipe = `${SPEECH_SENTENCE}|${SPEECH_SAMPLE_RATE}|${SPEECH_LEAD_SILENCE_SECONDS}|${SPEECH_TAIL_SILENCE_SECONDS}|en-us|150`;
const recipeHash = createHash("sha256").update(recipe).digest("hex").slice(0, 12);

/** Where the WAV lives once `ensureSpeechWav()` has run (16 kHz, mono, 16-bit PCM). */
export const SPEECH_WAV_PATH = path.join(artifactsDir, `speech-${recipeHash}.wav`);

export function requireTool(tool: string, debianPackage: string): void {
  try {
    execFileSync(tool, ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error(
      `The fake-microphone WAV needs \`${tool}\` on PATH (Debian: apt-get install ${debianPackage}).`,
    );
  }
}

/** Generates the WAV once (cached by its recipe) and returns its path. */
export function ensureSpeechWav(): string {
  if (existsSync(SPEECH_WAV_PATH)) return SPEECH_WAV_PATH;
  requireTool("espeak-ng", "espeak-ng");
  requireTool("sox", "sox");
  mkdirSync(artifactsDir, { recursive: true });

  const raw = `${SPEECH_WAV_PATH}.${process.pid}.espeak.wav`;
  const partial = `${SPEECH_WAV_PATH}.${process.pid}.partial.wav`;
  try {
    execFileSync("espeak-ng", ["-v", "en-us", "-s", "150", "-w", raw, SPEECH_SENTENCE], { stdio: "pipe" });
    execFileSync(
      "sox",
      [
        raw,
        "-r", String(SPEECH_SAMPLE_RATE), "-c", "1", "-b", "16", "-e", "signed-integer", partial,
        "norm", "-3",
        "pad", String(SPEECH_LEAD_SILENCE_SECONDS), String(SPEECH_TAIL_SILENCE_SECONDS),
      ],
      { stdio: "pipe" },
    );
    // Rename last, so a parallel worker never sees a half-written file.
    renameSync(partial, SPEECH_WAV_PATH);
  } finally {
    rmSync(raw, { force: true });
    rmSync(partial, { force: true });
  }
  return SPEECH_WAV_PATH;
}
