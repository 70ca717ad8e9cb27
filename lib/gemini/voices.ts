// Gemini Live's prebuilt voices, with the character Google gives each one.
export const GEMINI_VOICES = [
  { name: "Zephyr", character: "Bright" },
  { name: "Puck", character: "Upbeat" },
  { name: "Charon", character: "Informative" },
  { name: "Kore", character: "Firm" },
  { name: "Fenrir", character: "Excitable" },
  { name: "Aoede", character: "Breezy" },
  { name: "Leda", character: "Youthful" },
  { name: "Orus", character: "Firm" },
] as const;

export type GeminiVoice = (typeof GEMINI_VOICES)[number]["name"];

export const DEFAULT_VOICE: GeminiVoice = "Zephyr";

export const VOICE_NAMES = GEMINI_VOICES.map((voice) => voice.name) as [GeminiVoice, ...GeminiVoice[]];
