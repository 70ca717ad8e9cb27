import "server-only";
import { Modality } from "@google/genai";
import type { Database } from "@/db";
import { getVoiceSample, saveVoiceSample, type VoiceSample } from "@/db/queries/voice-samples";
import { env } from "@/lib/env";
import { languageOf } from "@/lib/personas/languages";
import { rateOf } from "@/lib/media/wav";
import { classifyGeminiError, createGeminiClient, geminiAppError, type GeminiEndpoint } from "./client";
import { rejectedKeyMessage, resolveGeminiKey, type GeminiKeyOptions } from "./credentials";

/*
 * A voice's sample: read once by the Gemini speech model in the persona's language, then kept
 * in voice_samples for every later listener. Nothing here is pre-recorded audio.
 */

export interface VoiceSampleOptions extends GeminiEndpoint, GeminiKeyOptions {
  model?: string;
}

/** The speech model's default output when its mime type names no rate. */
const TTS_DEFAULT_RATE = 24_000;
/** A sample is a sentence: anything bigger than ~20 s of 24 kHz audio is not one. */
const MAX_SAMPLE_BYTES = 1_000_000;

export async function getOrCreateVoiceSample(
  db: Database,
  { userId, voice, language }: { userId: string; voice: string; language: string },
  options: VoiceSampleOptions = {},
): Promise<VoiceSample> {
  const cached = await getVoiceSample(db, { voice, language });
  if (cached) return cached;

  const key = await resolveGeminiKey(db, { userId }, options);
  const ai = createGeminiClient(key.apiKey, { apiVersion: "v1beta", baseUrl: options.baseUrl });
  const model = options.model ?? env.GEMINI_TTS_MODEL;
  let data: string | undefined;
  let mimeType = "";
  try {
    const response = await ai.models.generateContent({
      model,
      contents: [{ role: "user", parts: [{ text: `Say in a friendly, natural voice: ${languageOf(language).sample}` }] }],
      config: {
        responseModalities: [Modality.AUDIO],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: voice } } },
      },
    });
    const part = response.candidates?.[0]?.content?.parts?.find((p) => p.inlineData?.data);
    data = part?.inlineData?.data;
    mimeType = part?.inlineData?.mimeType ?? "";
  } catch (error) {
    throw geminiAppError(classifyGeminiError(error, key.apiKey), { rejected: rejectedKeyMessage(key.source) });
  }
  const pcm = data ? new Uint8Array(Buffer.from(data, "base64")) : new Uint8Array();
  if (pcm.byteLength < 2 || pcm.byteLength > MAX_SAMPLE_BYTES) {
    throw geminiAppError({ kind: "unreachable", status: null, detail: "speech model answered without usable audio" }, { rejected: rejectedKeyMessage(key.source) });
  }
  // Whole 16-bit samples only.
  const even = pcm.byteLength % 2 === 0 ? pcm : pcm.subarray(0, pcm.byteLength - 1);
  return saveVoiceSample(db, { voice, language, sampleRate: rateOf(mimeType) ?? TTS_DEFAULT_RATE, pcm: even });
}
