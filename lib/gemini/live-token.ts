import "server-only";
import { Modality, type LiveConnectConfig } from "@google/genai";
import { KNOWLEDGE_TOOL_DECLARATION } from "@/lib/knowledge/tool";
import { MEMORY_TOOL_DECLARATIONS } from "@/lib/memory/tool-declarations";
import { classifyGeminiError, createGeminiClient, geminiAppError, type GeminiEndpoint } from "./client";

/** How long a minted token may open a new connection: enough for the browser to connect. */
export const NEW_SESSION_WINDOW_MS = 2 * 60_000;
/** After this the service rejects messages on the token's connection; resumption renews first. */
export const TOKEN_LIFETIME_MS = 30 * 60_000;

/**
 * Native-audio models (`…native-audio…`) generate speech themselves: they alone accept affective
 * dialog and proactive audio, and they pick the spoken language from the conversation (a
 * `languageCode` is for the half-cascade models), so for them the language lives in the instruction.
 */
export const isNativeAudioModel = (model: string) => /native-audio/i.test(model);

export interface LiveVoiceOptions {
  voice: string;
  systemInstruction: string;
  model: string;
  /** BCP-47; sent as speechConfig.languageCode only to models that take one. */
  language?: string | null;
  affectiveDialog?: boolean;
  proactiveAudio?: boolean;
  /** Declare the memory tools (recall/save/forget): memory is on for this user. */
  memoryTools?: boolean;
  /** Declare search_knowledge: the persona has ready documents. */
  knowledgeTool?: boolean;
}

export function buildLiveConnectConfig({ voice, systemInstruction, model, language, affectiveDialog, proactiveAudio, memoryTools = false, knowledgeTool = false }: LiveVoiceOptions): LiveConnectConfig {
  const native = isNativeAudioModel(model);
  const declarations = [...(memoryTools ? MEMORY_TOOL_DECLARATIONS : []), ...(knowledgeTool ? [KNOWLEDGE_TOOL_DECLARATION] : [])];
  return {
    // The memory tools (recall/save/forget) when memory is on, search_knowledge when the persona has
    // documents: the browser relays calls to our server.
    ...(declarations.length ? { tools: [{ functionDeclarations: declarations }] } : {}),
    responseModalities: [Modality.AUDIO],
    speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: voice } }, ...(language && !native ? { languageCode: language } : {}) },
    ...(native && affectiveDialog ? { enableAffectiveDialog: true } : {}),
    ...(native && proactiveAudio ? { proactivity: { proactiveAudio: true } } : {}),
    systemInstruction,
    inputAudioTranscription: {},
    outputAudioTranscription: {},
    sessionResumption: {},
    contextWindowCompression: { slidingWindow: {} },
  };
}

export interface MintLiveTokenOptions extends GeminiEndpoint {
  apiKey: string;
  model: string;
  config: LiveConnectConfig;
  /** The user-facing message when the key is refused (it differs for a user's key and the server's). */
  rejectedMessage: string;
  now?: Date;
}

/**
 * A single-use ephemeral token (`auth_tokens/…`) locked to this model and config, so the
 * browser can open the Live socket without ever holding the API key.
 */
export async function mintLiveToken({ apiKey, model, config, rejectedMessage, now = new Date(), ...endpoint }: MintLiveTokenOptions): Promise<string> {
  const ai = createGeminiClient(apiKey, { apiVersion: "v1alpha", ...endpoint });
  let name: string | undefined;
  try {
    const token = await ai.authTokens.create({
      config: {
        uses: 1,
        expireTime: new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString(),
        newSessionExpireTime: new Date(now.getTime() + NEW_SESSION_WINDOW_MS).toISOString(),
        liveConnectConstraints: { model, config },
        httpOptions: { apiVersion: "v1alpha" },
      },
    });
    name = token.name;
  } catch (error) {
    throw geminiAppError(classifyGeminiError(error, apiKey), { rejected: rejectedMessage });
  }
  if (!name) {
    throw geminiAppError({ kind: "unreachable", status: null, detail: "auth_tokens answered without a token name" }, { rejected: rejectedMessage });
  }
  return name;
}
