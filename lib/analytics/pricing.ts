/*
 * Estimated cost of Gemini Live usage, from Google's published per-token list prices (USD per
 * million tokens, paid tier, as of PRICES_AS_OF). Usage is recorded per turn as input and
 * output token counts without a modality split, so the estimate prices them at the modality a
 * Live conversation mostly carries: spoken audio in, spoken audio out. It is an estimate, never
 * a bill; the UI says so.
 */

export const PRICES_AS_OF = "2025-12";

export type InputModality = "text" | "audio" | "image";
export type OutputModality = "text" | "audio";

export interface ModelPrices {
  input: Record<InputModality, number>;
  output: Record<OutputModality, number>;
}

/** Keyed by model-name prefix, so dated preview names share their family's prices. */
export const PRICE_TABLE: Record<string, ModelPrices> = {
  "gemini-2.5-flash-native-audio": { input: { text: 0.5, audio: 3, image: 3 }, output: { text: 2, audio: 12 } },
  "gemini-live-2.5-flash": { input: { text: 0.5, audio: 3, image: 3 }, output: { text: 2, audio: 12 } },
  "gemini-2.0-flash-live": { input: { text: 0.35, audio: 2.1, image: 2.1 }, output: { text: 1.5, audio: 8.5 } },
};

/** Models the table does not know are priced like the default Live model. */
export const FALLBACK_PRICE_KEY = "gemini-2.5-flash-native-audio";

export const ASSUMED_MODALITY = { input: "audio", output: "audio" } as const satisfies { input: InputModality; output: OutputModality };

export function pricesFor(model: string): { key: string; prices: ModelPrices; known: boolean } {
  const key = Object.keys(PRICE_TABLE).find((prefix) => model.startsWith(prefix));
  const chosen = key ?? FALLBACK_PRICE_KEY;
  return { key: chosen, prices: PRICE_TABLE[chosen] as ModelPrices, known: key !== undefined };
}

export function estimateCostUsd({
  model,
  tokensIn,
  tokensOut,
  inputModality = ASSUMED_MODALITY.input,
  outputModality = ASSUMED_MODALITY.output,
}: {
  model: string;
  tokensIn: number;
  tokensOut: number;
  inputModality?: InputModality;
  outputModality?: OutputModality;
}): number {
  const { prices } = pricesFor(model);
  return (tokensIn * prices.input[inputModality] + tokensOut * prices.output[outputModality]) / 1_000_000;
}
