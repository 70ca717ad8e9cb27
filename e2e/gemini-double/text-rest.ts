import { isObject, ProtocolError } from "./protocol";
import { embedText, extractFromPrompt } from "./extractor";

/*
 * generateContent and (batch)embedContent as the Gemini API serves them, for the app's
 * background work. Scripted failures: `textOutage` answers 503 UNAVAILABLE, `malformedJson`
 * answers that many generateContent calls with text that is not the requested JSON.
 */

type Json = Record<string, unknown>;

export interface TextState {
  outage: boolean;
  malformedRemaining: number;
  generateCalls: number;
  embedCalls: number;
}

export type TextMethod = "generateContent" | "embedContent" | "batchEmbedContents";

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!isObject(content) || !Array.isArray(content.parts)) return "";
  return content.parts.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("");
}

function generate(body: Json, state: TextState): Json {
  if (!Array.isArray(body.contents) || body.contents.length === 0) throw new ProtocolError("* GenerateContentRequest.contents: contents is not specified");
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const prompt = body.contents.map(textOf).join("\n");
  state.generateCalls += 1;
  let text: string;
  if (state.malformedRemaining > 0) {
    state.malformedRemaining -= 1;
    text = '{"title": "Half an answer", "operations": [{"op": "add"';
  } else if (config.responseMimeType === "application/json") {
    text = JSON.stringify(extractFromPrompt(prompt));
  } else text = "OK";
  const promptTokens = Math.ceil(prompt.length / 4);
  const candidatesTokens = Math.ceil(text.length / 4);
  return {
    candidates: [{ content: { parts: [{ text }], role: "model" }, finishReason: "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: candidatesTokens, totalTokenCount: promptTokens + candidatesTokens },
    modelVersion: "gemini-2.5-flash",
    responseId: `double-${state.generateCalls}`,
  };
}

function embedOne(request: unknown): Json {
  if (!isObject(request)) throw new ProtocolError("Invalid JSON payload received. Expected an object.");
  const dimensions = typeof request.outputDimensionality === "number" ? request.outputDimensionality : 3072;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 3072) throw new ProtocolError("outputDimensionality must be between 1 and 3072.");
  return { values: embedText(textOf(request.content), dimensions) };
}

/** The answer to one call, or an error status and body. */
export function handleTextMethod(method: TextMethod, body: unknown, state: TextState): { status: number; body: Json } {
  if (state.outage) {
    return { status: 503, body: { error: { code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE" } } };
  }
  if (!isObject(body)) throw new ProtocolError("Invalid JSON payload received. Expected an object.");
  if (method === "generateContent") return { status: 200, body: generate(body, state) };
  state.embedCalls += 1;
  if (method === "embedContent") return { status: 200, body: { embedding: embedOne(body) } };
  if (!Array.isArray(body.requests)) throw new ProtocolError("* BatchEmbedContentsRequest.requests: requests is not specified");
  return { status: 200, body: { embeddings: body.requests.map(embedOne) } };
}
