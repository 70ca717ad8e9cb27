import { readFileSync } from "node:fs";
import { GoogleGenAI, type LiveConnectConfig, type LiveServerMessage, Modality, type Session } from "@google/genai";
import { ensureSpeechWav } from "../support/speech-wav";

/* Helpers for the double's own tests: the real SDK in Node, the real test WAV. */

export const LIVE_MODEL = "gemini-2.5-flash-native-audio-preview-12-2025";

export const LIVE_CONFIG: LiveConnectConfig = {
  responseModalities: [Modality.AUDIO],
  inputAudioTranscription: {},
  outputAudioTranscription: {},
  sessionResumption: {},
};

export function client(apiKey: string, baseUrl: string): GoogleGenAI {
  return new GoogleGenAI({ apiKey, httpOptions: { apiVersion: "v1alpha", baseUrl } });
}

/** The PCM16 samples of the fake-microphone WAV (the `data` chunk). */
export function speechPcm(): Buffer {
  const wav = readFileSync(ensureSpeechWav());
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "data") return wav.subarray(offset + 8, offset + 8 + size);
    offset += 8 + size + (size % 2);
  }
  throw new Error("The speech WAV has no data chunk.");
}

export function silencePcm(ms: number, rate = 16_000): Buffer {
  return Buffer.alloc(Math.round((ms * rate) / 1000) * 2);
}

/** PCM16 in 40 ms chunks, as the browser client sends it. */
export function chunks(pcm: Buffer, ms = 40, rate = 16_000): Buffer[] {
  const size = Math.round((ms * rate) / 1000) * 2;
  const out: Buffer[] = [];
  for (let at = 0; at < pcm.length; at += size) out.push(pcm.subarray(at, at + size));
  return out;
}

export function sendAudio(session: Session, pcm: Buffer): void {
  for (const chunk of chunks(pcm)) {
    session.sendRealtimeInput({ audio: { data: chunk.toString("base64"), mimeType: "audio/pcm;rate=16000" } });
  }
}

export interface LiveProbe {
  session: Session;
  messages: LiveServerMessage[];
  /** performance.now() at each message's arrival, index for index with `messages`. */
  arrivals: number[];
  closed: Promise<{ code: number; reason: string }>;
  waitFor: (predicate: (message: LiveServerMessage) => boolean, timeoutMs?: number) => Promise<LiveServerMessage>;
}

export async function connect(ai: GoogleGenAI, config: LiveConnectConfig = LIVE_CONFIG): Promise<LiveProbe> {
  const messages: LiveServerMessage[] = [];
  const arrivals: number[] = [];
  const listeners = new Set<() => void>();
  let onClosed: (value: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    onClosed = resolve;
  });
  const session = await ai.live.connect({
    model: LIVE_MODEL,
    config,
    callbacks: {
      onmessage: (message) => {
        messages.push(message);
        arrivals.push(performance.now());
        for (const listener of listeners) listener();
      },
      onclose: (event) => onClosed({ code: event.code, reason: event.reason }),
    },
  });
  const waitFor: LiveProbe["waitFor"] = (predicate, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      let seen = 0;
      const check = () => {
        for (; seen < messages.length; seen += 1) {
          const message = messages[seen];
          if (message && predicate(message)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(message);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`No matching Live message within ${timeoutMs} ms (got ${messages.length}).`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { session, messages, arrivals, closed, waitFor };
}

/** The kinds of a message, in a stable order, for asserting sequences. */
export function kinds(message: LiveServerMessage): string[] {
  const out: string[] = [];
  const content = message.serverContent;
  if (message.setupComplete) out.push("setupComplete");
  if (content?.inputTranscription) out.push("inputTranscription");
  if (content?.modelTurn) out.push("audio");
  if (content?.outputTranscription) out.push("outputTranscription");
  if (content?.interrupted) out.push("interrupted");
  if (content?.generationComplete) out.push("generationComplete");
  if (content?.turnComplete) out.push("turnComplete");
  if (message.usageMetadata) out.push("usageMetadata");
  if (message.sessionResumptionUpdate) out.push("sessionResumptionUpdate");
  if (message.goAway) out.push("goAway");
  return out;
}
