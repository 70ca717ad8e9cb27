/*
 * Shape checks for what a client sends, strict the way the service's proto-JSON parser is:
 * an unknown field, a second oneof member or a wrong type is rejected (the service closes the
 * Live socket with 1007, or answers REST with 400). Field lists follow the Gemini API
 * (BidiGenerateContentClientMessage and friends) as @google/genai 3.x emits them.
 */

type Json = Record<string, unknown>;

const SETUP_FIELDS = new Set([
  "model", "generationConfig", "systemInstruction", "tools", "sessionResumption",
  "inputAudioTranscription", "outputAudioTranscription", "realtimeInputConfig",
  "contextWindowCompression", "proactivity", "avatarConfig", "safetySettings", "labels",
]);
const GENERATION_CONFIG_FIELDS = new Set([
  "candidateCount", "maxOutputTokens", "temperature", "topP", "topK", "presencePenalty",
  "frequencyPenalty", "responseModalities", "speechConfig", "mediaResolution", "seed",
  "thinkingConfig", "enableAffectiveDialog", "translationConfig", "stopSequences",
]);
const REALTIME_INPUT_FIELDS = new Set([
  "mediaChunks", "audio", "video", "text", "audioStreamEnd", "activityStart", "activityEnd",
]);
const CLIENT_CONTENT_FIELDS = new Set(["turns", "turnComplete"]);
const BLOB_FIELDS = new Set(["data", "mimeType"]);
const CLIENT_MESSAGE_KINDS = ["setup", "clientContent", "realtimeInput", "toolResponse"] as const;
export type ClientMessageKind = (typeof CLIENT_MESSAGE_KINDS)[number];

export class ProtocolError extends Error {}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownField(name: string, at: string | null): ProtocolError {
  const where = at ? ` at '${at}'` : "";
  return new ProtocolError(`Invalid JSON payload received. Unknown name "${name}"${where}: Cannot find field.`);
}

function checkFields(value: unknown, allowed: Set<string>, at: string): Json {
  if (!isObject(value)) {
    throw new ProtocolError(`Invalid JSON payload received. Expected an object at '${at}'.`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) throw unknownField(key, at);
  }
  return value;
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** A `Blob` (`{ data, mimeType }`); returns the decoded bytes. */
export function checkBlob(value: unknown, at: string): { bytes: Buffer; mimeType: string } {
  const blob = checkFields(value, BLOB_FIELDS, at);
  if (typeof blob.data !== "string" || !BASE64.test(blob.data)) {
    throw new ProtocolError(`Invalid value at '${at}.data' (TYPE_BYTES), Base64 decoding failed.`);
  }
  if (typeof blob.mimeType !== "string" || blob.mimeType === "") {
    throw new ProtocolError(`Request contains an invalid argument: '${at}.mimeType' is required.`);
  }
  return { bytes: Buffer.from(blob.data, "base64"), mimeType: blob.mimeType };
}

/** The sample rate of an `audio/pcm[;rate=N]` mime type, or null when it is not raw PCM. */
export function pcmRate(mimeType: string): number | null {
  const [type, ...params] = mimeType.split(";").map((part) => part.trim());
  if (type?.toLowerCase() !== "audio/pcm") return null;
  const rate = params.find((param) => param.toLowerCase().startsWith("rate="));
  if (!rate) return 16_000;
  const value = Number(rate.slice(5));
  return Number.isInteger(value) && value >= 8_000 && value <= 48_000 ? value : null;
}

export function parseClientMessage(text: string): { kind: ClientMessageKind; body: Json } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProtocolError("Invalid JSON payload received. Unexpected token.");
  }
  if (!isObject(parsed)) throw new ProtocolError("Invalid JSON payload received. Expected an object.");
  const keys = Object.keys(parsed);
  for (const key of keys) {
    if (!(CLIENT_MESSAGE_KINDS as readonly string[]).includes(key)) throw unknownField(key, null);
  }
  if (keys.length !== 1) {
    throw new ProtocolError("Request contains an invalid argument: exactly one message type must be set.");
  }
  const kind = keys[0] as ClientMessageKind;
  const body = parsed[kind];
  if (!isObject(body)) throw new ProtocolError(`Invalid JSON payload received. Expected an object at '${kind}'.`);
  return { kind, body };
}

/** A Live setup; an auth token's locked setup (`requireModel: false`) may leave the model out. */
export function checkSetup(setup: Json, at = "setup", requireModel = true): { model: string | null } {
  checkFields(setup, SETUP_FIELDS, at);
  const modelGiven = setup.model !== undefined || requireModel;
  if (modelGiven && (typeof setup.model !== "string" || !/^models\/[A-Za-z0-9._-]+$/.test(setup.model))) {
    throw new ProtocolError(
      `Request contains an invalid argument: '${at}.model' must be of the form 'models/{model}'.`,
    );
  }
  if (setup.generationConfig !== undefined) {
    checkFields(setup.generationConfig, GENERATION_CONFIG_FIELDS, `${at}.generation_config`);
  }
  if (setup.sessionResumption !== undefined) {
    const resumption = checkFields(setup.sessionResumption, new Set(["handle"]), `${at}.session_resumption`);
    if (resumption.handle !== undefined && typeof resumption.handle !== "string") {
      throw new ProtocolError(`Invalid value at '${at}.session_resumption.handle' (TYPE_STRING).`);
    }
  }
  for (const field of ["inputAudioTranscription", "outputAudioTranscription"] as const) {
    if (setup[field] !== undefined && !isObject(setup[field])) {
      throw new ProtocolError(`Invalid JSON payload received. Expected an object at '${at}.${field}'.`);
    }
  }
  return { model: typeof setup.model === "string" ? setup.model : null };
}

export function checkRealtimeInput(input: Json): Json {
  checkFields(input, REALTIME_INPUT_FIELDS, "realtime_input");
  if (input.text !== undefined && typeof input.text !== "string") {
    throw new ProtocolError("Invalid value at 'realtime_input.text' (TYPE_STRING).");
  }
  if (input.audioStreamEnd !== undefined && typeof input.audioStreamEnd !== "boolean") {
    throw new ProtocolError("Invalid value at 'realtime_input.audio_stream_end' (TYPE_BOOL).");
  }
  if (input.mediaChunks !== undefined && !Array.isArray(input.mediaChunks)) {
    throw new ProtocolError("Invalid value at 'realtime_input.media_chunks': expected a list.");
  }
  return input;
}

export function checkClientContent(content: Json): { turns: Json[]; turnComplete: boolean } {
  checkFields(content, CLIENT_CONTENT_FIELDS, "client_content");
  const turns = content.turns ?? [];
  if (!Array.isArray(turns) || !turns.every(isObject)) {
    throw new ProtocolError("Invalid value at 'client_content.turns': expected a list of Content.");
  }
  for (const [index, turn] of turns.entries()) {
    checkFields(turn, new Set(["role", "parts"]), `client_content.turns[${index}]`);
    if (turn.parts !== undefined && (!Array.isArray(turn.parts) || !turn.parts.every(isObject))) {
      throw new ProtocolError(`Invalid value at 'client_content.turns[${index}].parts': expected a list of Part.`);
    }
  }
  if (content.turnComplete !== undefined && typeof content.turnComplete !== "boolean") {
    throw new ProtocolError("Invalid value at 'client_content.turn_complete' (TYPE_BOOL).");
  }
  return { turns, turnComplete: content.turnComplete === true };
}

/** What a received setup asks of the answers. */
export interface SetupOptions {
  /** Off when `realtimeInputConfig.automaticActivityDetection.disabled`: the client sends activityStart/End. */
  automaticActivityDetection: boolean;
  /** Off with `activityHandling: NO_INTERRUPTION`. */
  interruptible: boolean;
  inputTranscription: boolean;
  outputTranscription: boolean;
  resumption: boolean;
  /** `responseModalities: ["TEXT"]`: text parts instead of audio. */
  textOnly: boolean;
}

export function setupOptions(setup: Json): SetupOptions {
  const input = isObject(setup.realtimeInputConfig) ? setup.realtimeInputConfig : {};
  const detection = isObject(input.automaticActivityDetection) ? input.automaticActivityDetection : {};
  const generation = isObject(setup.generationConfig) ? setup.generationConfig : {};
  const modalities = generation.responseModalities;
  return {
    automaticActivityDetection: detection.disabled !== true,
    interruptible: input.activityHandling !== "NO_INTERRUPTION",
    inputTranscription: setup.inputAudioTranscription !== undefined,
    outputTranscription: setup.outputAudioTranscription !== undefined,
    resumption: setup.sessionResumption !== undefined,
    textOnly: Array.isArray(modalities) && modalities.length === 1 && modalities[0] === "TEXT",
  };
}

/** The text of every `parts[].text` in client content turns. */
export function textsOf(turns: Json[]): string[] {
  return turns.flatMap((turn) =>
    Array.isArray(turn.parts)
      ? turn.parts.flatMap((part) => (isObject(part) && typeof part.text === "string" ? [part.text] : []))
      : [],
  );
}
