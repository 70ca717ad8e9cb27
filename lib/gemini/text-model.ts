import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { getBreaker } from "@/lib/jobs/breakers";
import { TimeoutError, withTimeout } from "@/lib/jobs/circuit-breaker";
import { classifyGeminiError, createGeminiClient, type GeminiEndpoint } from "./client";

/*
 * Server-side text and embedding calls for background work. Every call goes through the
 * "gemini-text" circuit breaker and a timeout; only an outage (5xx, unreachable, rate limit,
 * timeout) counts against the circuit, not a request Gemini refused or an answer we rejected.
 */

const TEXT_TIMEOUT_MS = 45_000;
const EMBED_TIMEOUT_MS = 15_000;
export const GEMINI_BREAKER = "gemini-text";

/** The model answered, but not with JSON matching the schema: never stored, the job retries. */
export class MalformedModelOutputError extends Error {
  constructor(reason: string) {
    super(`The model's answer did not match the schema: ${reason}`);
    this.name = "MalformedModelOutputError";
  }
}

function isOutage(error: unknown, apiKey: string): boolean {
  if (error instanceof TimeoutError) return true;
  const { kind } = classifyGeminiError(error, apiKey);
  return kind === "unreachable" || kind === "rate_limited";
}

export interface TextCallOptions extends GeminiEndpoint {
  apiKey: string;
  model?: string;
  timeoutMs?: number;
}

/**
 * Asks the text model for JSON shaped by `schema` (sent as responseJsonSchema) and validates the
 * answer with the same zod schema.
 */
export async function generateStructured<T>(
  { apiKey, model = env.GEMINI_TEXT_MODEL, timeoutMs = TEXT_TIMEOUT_MS, ...endpoint }: TextCallOptions,
  { systemInstruction, prompt, schema }: { systemInstruction: string; prompt: string; schema: z.ZodType<T> },
): Promise<T> {
  const ai = createGeminiClient(apiKey, { apiVersion: "v1beta", ...endpoint });
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  const response = await getBreaker(GEMINI_BREAKER).run(
    () =>
      withTimeout(timeoutMs, (abortSignal) =>
        ai.models.generateContent({
          model,
          contents: prompt,
          config: { systemInstruction, responseMimeType: "application/json", responseJsonSchema: jsonSchema, temperature: 0.2, abortSignal },
        }),
      ),
    (error) => isOutage(error, apiKey),
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text ?? "");
  } catch {
    throw new MalformedModelOutputError("not JSON");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new MalformedModelOutputError(result.error.issues.map((issue) => issue.path.join(".")).join(", ") || "invalid");
  return result.data;
}

const normalize = (values: number[]): number[] => {
  const norm = Math.hypot(...values);
  return norm > 0 ? values.map((value) => value / norm) : values;
};

/**
 * Unit-length embeddings of `texts` (truncated to GEMINI_EMBEDDING_DIMENSIONS, which the API
 * does not normalize below its full size, so we do).
 */
export async function embedTexts(
  { apiKey, model = env.GEMINI_EMBEDDING_MODEL, timeoutMs = EMBED_TIMEOUT_MS, ...endpoint }: TextCallOptions,
  { texts, taskType }: { texts: string[]; taskType: "RETRIEVAL_DOCUMENT" | "RETRIEVAL_QUERY" },
): Promise<number[][]> {
  if (texts.length === 0) return [];
  const ai = createGeminiClient(apiKey, { apiVersion: "v1beta", ...endpoint });
  const response = await getBreaker(GEMINI_BREAKER).run(
    () =>
      withTimeout(timeoutMs, (abortSignal) =>
        ai.models.embedContent({ model, contents: texts, config: { taskType, outputDimensionality: env.GEMINI_EMBEDDING_DIMENSIONS, abortSignal } }),
      ),
    (error) => isOutage(error, apiKey),
  );
  const vectors = (response.embeddings ?? []).map((embedding) => embedding.values ?? []);
  if (vectors.length !== texts.length || vectors.some((vector) => vector.length === 0)) {
    throw new MalformedModelOutputError("embeddings missing");
  }
  return vectors.map(normalize);
}
