export { DEFAULT_INPUT_TRANSCRIPT, DEFAULT_REPLY_AUDIO_MS, DEFAULT_REPLY_TEXT, TEST_GEMINI_KEY } from "./constants";
export type { ConnectionRecord, ReceivedSnapshot } from "./recorder";
export { DEFAULT_SCRIPT_VALUES, type DoubleScript } from "./script";
export { type GeminiDouble, type GeminiDoubleOptions, startGeminiDouble } from "./server";
