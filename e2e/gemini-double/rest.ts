import type { IncomingMessage, ServerResponse } from "node:http";
import { synthesizeReply } from "./audio-synth";
import { type ApiVersion, LISTED_MODELS, OUTPUT_SAMPLE_RATE } from "./constants";
import { checkSetup, isObject, ProtocolError } from "./protocol";
import type { Recorder, RestRecord } from "./recorder";
import { handleTextMethod, type TextMethod, type TextState } from "./text-rest";
import { TokenStore } from "./tokens";

/*
 * The REST side of generativelanguage.googleapis.com that the app needs: models.list /
 * models.get (the cheap authenticated call used to validate a key) and auth_tokens (ephemeral
 * tokens, v1alpha only). Keys arrive in `x-goog-api-key` (the SDK) or `?key=`.
 */

export interface RestContext {
  validKeys: Set<string>;
  tokens: TokenStore;
  recorder: Recorder;
  text: TextState;
}

type Json = Record<string, unknown>;

export function googleError(code: number, status: string, message: string, details?: Json[]): Json {
  return { error: { code, message, status, ...(details ? { details } : {}) } };
}

const INVALID_KEY_MESSAGE = "API key not valid. Please pass a valid API key.";
const invalidKeyError = () =>
  googleError(400, "INVALID_ARGUMENT", INVALID_KEY_MESSAGE, [
    {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason: "API_KEY_INVALID",
      domain: "googleapis.com",
      metadata: { service: "generativelanguage.googleapis.com" },
    },
    { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message: INVALID_KEY_MESSAGE },
  ]);
const missingKeyError = () =>
  googleError(
    403,
    "PERMISSION_DENIED",
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );
const invalidArgument = (message = "Request contains an invalid argument.") =>
  googleError(400, "INVALID_ARGUMENT", message);

function modelResource(model: (typeof LISTED_MODELS)[number]): Json {
  return {
    ...model,
    supportedGenerationMethods: [...model.supportedGenerationMethods],
    version: "001",
    description: `${model.displayName} (served by the LiveMind test double).`,
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2,
    thinking: true,
  };
}

function send(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

function parseTime(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new ProtocolError(`Invalid value at '${field}' (type.googleapis.com/google.protobuf.Timestamp), Field '${field}', Illegal timestamp format.`);
  if (!TokenStore.validExpiry(ms)) throw new ProtocolError(`Request contains an invalid argument: ${field} must be in the future and less than 20 hours away.`);
  return ms;
}

const AUTH_TOKEN_FIELDS = new Set(["uses", "expireTime", "newSessionExpireTime", "bidiGenerateContentSetup", "fieldMask"]);

function mintToken(body: unknown, ctx: RestContext): Json {
  if (!isObject(body)) throw new ProtocolError("Invalid JSON payload received. Expected an object.");
  for (const key of Object.keys(body)) {
    if (!AUTH_TOKEN_FIELDS.has(key)) {
      throw new ProtocolError(`Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    }
  }
  if (body.uses !== undefined && (!Number.isInteger(body.uses) || (body.uses as number) < 0)) {
    throw new ProtocolError("Invalid value at 'uses' (TYPE_INT32).");
  }
  if (body.fieldMask !== undefined && typeof body.fieldMask !== "string") {
    throw new ProtocolError("Invalid value at 'field_mask' (type.googleapis.com/google.protobuf.FieldMask).");
  }
  let constraints: Json | null = null;
  if (body.bidiGenerateContentSetup !== undefined) {
    if (!isObject(body.bidiGenerateContentSetup)) {
      throw new ProtocolError("Invalid JSON payload received. Expected an object at 'bidi_generate_content_setup'.");
    }
    checkSetup(body.bidiGenerateContentSetup, "bidi_generate_content_setup", false);
    constraints = body.bidiGenerateContentSetup;
  }
  const token = ctx.tokens.mint({
    uses: body.uses as number | undefined,
    expireTime: parseTime(body.expireTime, "expire_time"),
    newSessionExpireTime: parseTime(body.newSessionExpireTime, "new_session_expire_time"),
    constraints,
    fieldMask: (body.fieldMask as string | undefined) ?? null,
  });
  ctx.recorder.tokenMinted();
  // Every other AuthToken field is input-only: the service answers with the name alone.
  return { name: token.name };
}

function listModels(query: URLSearchParams): Json {
  const pageSize = Math.max(1, Math.min(1000, Number(query.get("pageSize") ?? 50) || 50));
  const start = Number(query.get("pageToken") ?? 0) || 0;
  const page = LISTED_MODELS.slice(start, start + pageSize).map(modelResource);
  const next = start + pageSize < LISTED_MODELS.length ? String(start + pageSize) : null;
  return { models: page, ...(next ? { nextPageToken: next } : {}) };
}

/** How long the double's spoken sample is: short, like a real one-sentence sample. */
export const SPEECH_SAMPLE_MS = 1200;

/**
 * `models/{tts model}:generateContent` with `responseModalities: ["AUDIO"]`: the speech model.
 * Answers generated PCM (the double's chord, its pitch the same for every voice) the way the
 * service does: 24 kHz L16 in `inlineData`. Other models are text models the double does not serve.
 */
function generateSpeech(model: string, body: unknown): { json: Json; speech: RestRecord["speech"] } {
  if (!isObject(body)) throw new ProtocolError("Invalid JSON payload received. Expected an object.");
  if (!/tts/i.test(model)) throw new ProtocolError(`The test double serves only speech (TTS) models with generateContent, not ${model}.`);
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const modalities = Array.isArray(config.responseModalities) ? config.responseModalities : [];
  if (!modalities.includes("AUDIO")) throw new ProtocolError("The requested combination of response modalities is not supported by the model.");
  const speechConfig = isObject(config.speechConfig) ? config.speechConfig : {};
  const voiceConfig = isObject(speechConfig.voiceConfig) ? speechConfig.voiceConfig : {};
  const prebuilt = isObject(voiceConfig.prebuiltVoiceConfig) ? voiceConfig.prebuiltVoiceConfig : {};
  const voice = typeof prebuilt.voiceName === "string" ? prebuilt.voiceName : null;
  const contents = Array.isArray(body.contents) ? body.contents : [];
  const text = contents
    .flatMap((content) => (isObject(content) && Array.isArray(content.parts) ? content.parts : []))
    .map((part) => (isObject(part) && typeof part.text === "string" ? part.text : ""))
    .join(" ")
    .trim();
  if (!text) throw new ProtocolError("Request contains an invalid argument: contents must hold text to read.");
  const pcm = synthesizeReply(SPEECH_SAMPLE_MS);
  return {
    speech: { voice, text },
    json: {
      candidates: [
        {
          content: { role: "model", parts: [{ inlineData: { mimeType: `audio/L16;codec=pcm;rate=${OUTPUT_SAMPLE_RATE}`, data: pcm.toString("base64") } }] },
          finishReason: "STOP",
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: Math.ceil(text.length / 4), candidatesTokenCount: Math.round((SPEECH_SAMPLE_MS / 1000) * 25), totalTokenCount: 0 },
      modelVersion: model,
    },
  };
}

/** Serves a REST request; false when the path is not one the double knows. */
export async function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  ctx: RestContext,
): Promise<boolean> {
  const match = /^\/+(v1|v1beta|v1alpha)\/(models(?:\/[^/:]+)?|auth_tokens)(?::(generateContent|embedContent|batchEmbedContents))?$/.exec(path);
  if (!match) return false;
  const version = match[1] as ApiVersion;
  const resource = match[2] ?? "";
  const textMethod = match[3] as TextMethod | undefined;
  const method = req.method ?? "GET";
  const reply = (status: number, body: Json, speech?: RestRecord["speech"]) => {
    ctx.recorder.restCall({ method, path, status, ...(speech ? { speech } : {}) });
    send(res, status, body);
  };

  const isTokens = resource === "auth_tokens";
  const wantsPost = isTokens || textMethod !== undefined;
  if ((isTokens && textMethod) || (textMethod && !resource.startsWith("models/")) || (isTokens && version !== "v1alpha") || (wantsPost ? method !== "POST" : method !== "GET")) {
    reply(404, googleError(404, "NOT_FOUND", `Method not found: ${method} /${version}/${resource}${textMethod ? `:${textMethod}` : ""}.`));
    return true;
  }

  const headerKey = req.headers["x-goog-api-key"];
  const key = (Array.isArray(headerKey) ? headerKey[0] : headerKey) ?? query.get("key");
  if (!key) {
    reply(403, missingKeyError());
    return true;
  }
  if (!ctx.validKeys.has(key)) {
    reply(400, invalidKeyError());
    return true;
  }

  try {
    if (textMethod || isTokens) {
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        throw new ProtocolError("Invalid JSON payload received. Unexpected token.");
      }
      const model = decodeURIComponent(resource.slice("models/".length));
      if (isTokens) reply(200, mintToken(body, ctx));
      else if (textMethod === "generateContent" && /tts/i.test(model)) {
        // The speech model reads a voice's sample; every other model is the text model.
        const { json, speech } = generateSpeech(model, body);
        reply(200, json, speech);
      } else {
        const answer = handleTextMethod(textMethod!, body, ctx.text);
        reply(answer.status, answer.body);
      }
    } else if (resource === "models") {
      reply(200, listModels(query));
    } else {
      const name = decodeURIComponent(resource);
      const found = LISTED_MODELS.find((candidate) => candidate.name === name);
      if (found) reply(200, modelResource(found));
      else {
        reply(404, googleError(404, "NOT_FOUND", `${name} is not found for API version ${version}, or is not supported for GetModel. Call ListModels to see the list of available models and their supported methods.`));
      }
    }
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    reply(400, invalidArgument(error.message));
  }
  return true;
}
