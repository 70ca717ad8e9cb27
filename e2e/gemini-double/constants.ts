import { SPEECH_SENTENCE } from "../support/speech-wav";

/*
 * The Gemini Live TEST DOUBLE: a local stand-in for generativelanguage.googleapis.com that the
 * real @google/genai SDK reaches through `httpOptions.baseUrl`. Tests only; production never
 * points at it.
 */

/** Shaped like a real key (`AIza` + 35 characters); the double accepts it by default. */
export const TEST_GEMINI_KEY = "AIzaSyD0ub1e-LiveMind-TestKey-000000001";

/** The double's default answer to every turn, streamed as output transcription fragments. */
export const DEFAULT_REPLY_TEXT = "Hi there! I can see you on your camera. How can I help you today?";

/** The default input transcription of an audio turn: exactly what the test WAV says. */
export const DEFAULT_INPUT_TRANSCRIPT = SPEECH_SENTENCE;

export const DEFAULT_REPLY_AUDIO_MS = 1800;
export const OUTPUT_SAMPLE_RATE = 24_000;
export const OUTPUT_AUDIO_MIME = `audio/pcm;rate=${OUTPUT_SAMPLE_RATE}`;

/** Token accounting the double reports in usageMetadata (close to the public rates). */
export const AUDIO_TOKENS_PER_SECOND = 32;
export const IMAGE_TOKENS_PER_FRAME = 258;
export const TEXT_CHARS_PER_TOKEN = 4;

export const API_VERSIONS = ["v1", "v1beta", "v1alpha"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Models the REST listing reports; a Live setup may name any `models/…` id. */
export const LISTED_MODELS = [
  {
    name: "models/gemini-2.5-flash-native-audio-preview-12-2025",
    displayName: "Gemini 2.5 Flash Native Audio Preview 12-2025",
    inputTokenLimit: 131072,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ["countTokens", "bidiGenerateContent"],
  },
  {
    name: "models/gemini-2.5-flash",
    displayName: "Gemini 2.5 Flash",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
  },
  {
    name: "models/gemini-2.5-flash-lite",
    displayName: "Gemini 2.5 Flash-Lite",
    inputTokenLimit: 1048576,
    outputTokenLimit: 65536,
    supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
  },
] as const;
