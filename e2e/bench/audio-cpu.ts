import { performance } from "node:perf_hooks";
import { base64ToBytes, bytesToBase64 } from "@/lib/live/audio/base64";
import { floatToPcm16, pcm16BytesToFloat, pcm16ToBytes } from "@/lib/live/audio/pcm16";
import { CaptureChunker, CHUNK_SAMPLES } from "@/public/worklets/capture-core.js";
import type { BenchFigure } from "./figure";

/*
 * CPU cost of our audio code per second of audio, in Node (V8, the engine Chromium runs):
 * - capture: what the worklet does (resample 48 kHz → 16 kHz in 128-frame quanta, clamp to
 *   PCM16 LE, cut 20 ms chunks) plus the main thread's base64 of each chunk and the JSON
 *   message the SDK wraps it in (smaller chunks mean more messages: this is their price);
 * - playback: base64 → PCM16 → float for 24 kHz model audio, as AudioPlayer decodes it.
 */

const CAPTURE_RATE = 48_000;
const PLAYBACK_RATE = 24_000;
const SECONDS = 10;
const ROUNDS = 20;

function tone(rate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: rate * seconds }, (_, i) => 0.6 * Math.sin((2 * Math.PI * 220 * i) / rate) + 0.05 * Math.sin(i * 0.37));
}

function capture(input: Float32Array): number {
  const chunker = new CaptureChunker(CAPTURE_RATE);
  let chars = 0;
  for (let i = 0; i < input.length; i += 128) {
    for (const chunk of chunker.push(input.subarray(i, i + 128))) {
      const audio = { data: bytesToBase64(new Uint8Array(chunk.pcm)), mimeType: "audio/pcm;rate=16000" };
      chars += JSON.stringify({ realtimeInput: { audio } }).length;
    }
  }
  return chars;
}

function playback(chunks: string[]): number {
  let samples = 0;
  for (const chunk of chunks) samples += pcm16BytesToFloat(base64ToBytes(chunk)).length;
  return samples;
}

/** CPU ms (user + system) and wall ms per second of audio, best of ROUNDS after a warm-up. */
function measure(work: () => number, audioSeconds: number): { cpu: number; wall: number } {
  for (let i = 0; i < 3; i++) work();
  let cpu = Infinity;
  let wall = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const startCpu = process.cpuUsage();
    const startWall = performance.now();
    if (work() <= 0) throw new Error("benchmark did no work");
    const used = process.cpuUsage(startCpu);
    wall = Math.min(wall, (performance.now() - startWall) / audioSeconds);
    cpu = Math.min(cpu, (used.user + used.system) / 1000 / audioSeconds);
  }
  return { cpu, wall };
}

export async function run(): Promise<BenchFigure[]> {
  const mic = tone(CAPTURE_RATE, SECONDS);
  const model = floatToPcm16(tone(PLAYBACK_RATE, SECONDS));
  const chunkSamples = PLAYBACK_RATE / 25; // 40 ms chunks, a typical size from the service
  const modelChunks: string[] = [];
  for (let i = 0; i < model.length; i += chunkSamples) modelChunks.push(bytesToBase64(pcm16ToBytes(model.subarray(i, i + chunkSamples))));

  const captured = measure(() => capture(mic), SECONDS);
  const played = measure(() => playback(modelChunks), SECONDS);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return [
    { name: `capture CPU (48→16 kHz, PCM16, base64, JSON; ${16_000 / CHUNK_SAMPLES} msg/s)`, value: round(captured.cpu), unit: "ms per s of audio", target: "≤ 1 ms" },
    { name: "capture wall time", value: round(captured.wall), unit: "ms per s of audio" },
    { name: "playback decode CPU (base64 → PCM16 → float, 24 kHz)", value: round(played.cpu), unit: "ms per s of audio", target: "≤ 1 ms" },
    { name: "playback decode wall time", value: round(played.wall), unit: "ms per s of audio" },
  ];
}
