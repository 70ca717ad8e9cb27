import "server-only";
import type { Database } from "@/db";
import { markCredentialInvalid } from "@/db/queries/credentials";
import { closeStaleSessions, createLiveSession, endLiveSession, touchOpenSession } from "@/db/queries/live-sessions";
import { hasReadyDocuments } from "@/db/queries/knowledge";
import { getPersona, rememberLastPersona } from "@/db/queries/personas";
import { getPreferences } from "@/db/queries/preferences";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import type { LiveConnection, StartLiveSessionInput, StartLiveSessionResult } from "@/lib/live/contract";
import { composeMemoryContext, type MemoryContext } from "@/lib/memory/recall";
import { assertMintAllowed, assertMonthlyAllowance, quotaFor } from "@/lib/quotas/service";
import { geminiBaseUrl, type GeminiEndpoint } from "./client";
import { rejectedKeyMessage, resolveGeminiKey, type GeminiKeyOptions, type ResolvedGeminiKey } from "./credentials";
import { buildLiveConnectConfig, mintLiveToken, type LiveVoiceOptions } from "./live-token";
import { buildSystemInstruction } from "./system-instruction";

/*
 * The server half of a live conversation (DESIGN §6): the session row, the locked config and
 * the ephemeral token. The browser gets a token, never a key.
 */

export interface LiveServiceOptions extends GeminiEndpoint, GeminiKeyOptions {
  model?: string;
  /** The clock for the session rows (tests); token expiry always follows the real clock. */
  now?: Date;
  /** Called with what was recalled into the setup, so the caller can count the uses after the response. */
  onRecalled?: (memory: MemoryContext) => void;
}

async function mintFor(
  db: Database,
  { userId, key, voice: voiceOptions, options }: {
    userId: string;
    key: ResolvedGeminiKey;
    voice: LiveVoiceOptions;
    options: LiveServiceOptions;
  },
): Promise<LiveConnection> {
  const { model } = voiceOptions;
  const config = buildLiveConnectConfig(voiceOptions);
  try {
    const token = await mintLiveToken({
      apiKey: key.apiKey,
      model,
      config,
      rejectedMessage: rejectedKeyMessage(key.source),
      baseUrl: options.baseUrl,
    });
    return { token, model, config, apiBaseUrl: geminiBaseUrl(options) };
  } catch (error) {
    if (key.source === "user" && isAppError(error) && error.code === "bad_request:gemini") {
      await markCredentialInvalid(db, { userId });
    }
    throw error;
  }
}

const notFoundAsNull = (error: unknown) => {
  if (isAppError(error) && error.code === "not_found:persona") return null;
  throw error;
};

export async function startLiveSession(
  db: Database,
  { userId, input }: { userId: string; input: StartLiveSessionInput },
  options: LiveServiceOptions = {},
): Promise<StartLiveSessionResult> {
  const now = options.now ?? new Date();
  await assertMintAllowed(db, { userId, now });
  await closeStaleSessions(db, { userId, now });
  const key = await resolveGeminiKey(db, { userId }, options);
  const quota = await quotaFor(db, { userId });
  // Read with the user's id: another user's persona is not found. Its voice, language, words and
  // options are locked into the token here; the browser only names which persona.
  const persona = input.personaId ? await getPersona(db, { userId, personaId: input.personaId }) : null;
  // Memory is recalled and its tools declared when the account has it on and the persona uses it.
  const { memoryEnabled } = await getPreferences(db, { userId });
  const usesMemory = memoryEnabled && (persona?.usesMemory ?? true);
  const memory = usesMemory ? await composeMemoryContext(db, { userId, now }) : null;
  const systemInstruction = buildSystemInstruction({ persona: persona && { ...persona, systemInstruction: persona.instructions }, memory: memory?.text });
  const model = options.model ?? env.GEMINI_LIVE_MODEL;
  const voice = persona?.voice ?? input.voice;
  const session = await createLiveSession(db, {
    userId,
    replaceActive: input.replaceActive ?? false,
    now,
    limits: { concurrentSessions: quota.concurrentSessions, monthlyMinutes: quota.monthlyMinutes },
    values: {
      model,
      voice,
      personaId: persona?.id ?? null,
      personaName: persona?.name ?? null,
      cameraEnabled: input.cameraEnabled,
      micEnabled: input.micEnabled,
      systemInstruction,
      memoryOptOut: input.memoryOptOut ?? false,
    },
  });
  await rememberLastPersona(db, { userId, personaId: persona?.id ?? null });
  const voiceOptions: LiveVoiceOptions = {
    model,
    voice,
    systemInstruction,
    language: persona?.language ?? null,
    affectiveDialog: persona?.affectiveDialog ?? false,
    proactiveAudio: persona?.proactiveAudio ?? false,
    memoryTools: usesMemory,
    knowledgeTool: persona ? await hasReadyDocuments(db, { userId, personaId: persona.id }) : false,
  };
  try {
    const connection = await mintFor(db, { userId, key, voice: voiceOptions, options });
    if (memory?.memoryIds.length) options.onRecalled?.(memory);
    return { sessionId: session.id, startedAt: session.startedAt.toISOString(), ...connection };
  } catch (error) {
    const message = isAppError(error) ? error.message : "The conversation could not be started.";
    await endLiveSession(db, { userId, sessionId: session.id, status: "ERROR", errorMessage: message });
    throw error;
  }
}

/**
 * A fresh single-use token for the same open session (resumption after goAway or a drop).
 * Rate-limited like a Start, and held to the month's minutes, but not to the concurrent limit.
 */
export async function renewLiveToken(
  db: Database,
  { userId, sessionId }: { userId: string; sessionId: string },
  options: LiveServiceOptions = {},
): Promise<LiveConnection> {
  const now = options.now ?? new Date();
  await assertMintAllowed(db, { userId, now });
  const session = await touchOpenSession(db, { userId, sessionId, now: options.now });
  await assertMonthlyAllowance(db, { userId, now, quota: await quotaFor(db, { userId }) });
  const key = await resolveGeminiKey(db, { userId }, options);
  // The same locked config as at Start: the session's stored instruction and voice, the persona's
  // options (a persona deleted meanwhile leaves the defaults).
  const persona = session.personaId ? await getPersona(db, { userId, personaId: session.personaId }).catch(notFoundAsNull) : null;
  const { memoryEnabled } = await getPreferences(db, { userId });
  return mintFor(db, {
    userId,
    key,
    voice: {
      model: session.model,
      voice: session.voice,
      systemInstruction: session.systemInstruction ?? buildSystemInstruction({ persona: null }),
      language: persona?.language ?? null,
      affectiveDialog: persona?.affectiveDialog ?? false,
      proactiveAudio: persona?.proactiveAudio ?? false,
      memoryTools: memoryEnabled && (persona?.usesMemory ?? true),
      knowledgeTool: persona ? await hasReadyDocuments(db, { userId, personaId: persona.id }) : false,
    },
    options,
  });
}
