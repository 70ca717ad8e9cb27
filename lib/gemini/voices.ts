// Gemini Live's 30 prebuilt voices (the same set as the speech model), with the character Google
// gives each one. Checked against the Live API / speech-generation voice list (Dec 2026).
export const GEMINI_VOICES = [
  { name: "Zephyr", character: "Bright" },
  { name: "Puck", character: "Upbeat" },
  { name: "Charon", character: "Informative" },
  { name: "Kore", character: "Firm" },
  { name: "Fenrir", character: "Excitable" },
  { name: "Aoede", character: "Breezy" },
  { name: "Leda", character: "Youthful" },
  { name: "Orus", character: "Firm" },
  { name: "Callirrhoe", character: "Easy-going" },
  { name: "Autonoe", character: "Bright" },
  { name: "Enceladus", character: "Breathy" },
  { name: "Iapetus", character: "Clear" },
  { name: "Umbriel", character: "Easy-going" },
  { name: "Algieba", character: "Smooth" },
  { name: "Despina", character: "Smooth" },
  { name: "Erinome", character: "Clear" },
  { name: "Algenib", character: "Gravelly" },
  { name: "Rasalgethi", character: "Informative" },
  { name: "Laomedeia", character: "Upbeat" },
  { name: "Achernar", character: "Soft" },
  { name: "Alnilam", character: "Firm" },
  { name: "Schedar", character: "Even" },
  { name: "Gacrux", character: "Mature" },
  { name: "Pulcherrima", character: "Forward" },
  { name: "Achird", character: "Friendly" },
  { name: "Zubenelgenubi", character: "Casual" },
  { name: "Vindemiatrix", character: "Gentle" },
  { name: "Sadachbia", character: "Lively" },
  { name: "Sadaltager", character: "Knowledgeable" },
  { name: "Sulafat", character: "Warm" },
] as const;

export type GeminiVoice = (typeof GEMINI_VOICES)[number]["name"];

export const DEFAULT_VOICE: GeminiVoice = "Zephyr";

export const VOICE_NAMES = GEMINI_VOICES.map((voice) => voice.name) as [GeminiVoice, ...GeminiVoice[]];

export const voiceCharacter = (name: string) => GEMINI_VOICES.find((voice) => voice.name === name)?.character ?? null;
