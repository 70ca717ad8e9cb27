import "server-only";
import { classifyGeminiError, createGeminiClient, geminiAppError, type GeminiEndpoint } from "./client";

export const KEY_REJECTED_MESSAGE =
  "That key was rejected by Gemini. Check that you copied the whole key from Google AI Studio and that it is still active.";

/** One cheap authenticated call (list one model). Throws an AppError carrying an `apiKey` field message. */
export async function validateGeminiKey(apiKey: string, endpoint: GeminiEndpoint = {}): Promise<void> {
  const ai = createGeminiClient(apiKey, { apiVersion: "v1beta", ...endpoint });
  try {
    await ai.models.list({ config: { pageSize: 1 } });
  } catch (error) {
    const failure = classifyGeminiError(error, apiKey);
    // Any 4xx on a plain list call means the key itself is not usable.
    const kind = failure.kind === "refused" ? "rejected" : failure.kind;
    throw geminiAppError({ ...failure, kind }, { rejected: KEY_REJECTED_MESSAGE, field: "apiKey" });
  }
}
