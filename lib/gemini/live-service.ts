import "server-only";
import type { Database } from "@/db";
import { markCredentialInvalid } from "@/db/queries/credentials";
import { closeStaleSessions, createLiveSession, endLiveSession, getOwnedPersona, touchOpenSession } from "@/db/queries/live-sessions";
import { getPreferences } from "@/db/queries/preferences";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { composeMemoryContext, type MemoryContext } from "@/lib/memory/recall";
import type { LiveConnection, StartLiveSessionInput, StartLiveSessionResult } from "@/lib/live/contract";
import { geminiBaseUrl, type GeminiEndpoint } from "./client";
import { rejectedKeyMessage, resolveGeminiKey, type GeminiKeyOptions, type ResolvedGeminiKey } from "./credentials";
import { buildLiveConnectConfig, mintLiveToken } from "./live-token";
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
  { userId, key, model, voice, systemInstruction, memoryTools, options }: {
    userId: string;
    key: ResolvedGeminiKey;
    model: string;
    voice: string;
    systemInstruction: string;
    memoryTools: boolean;
    options: LiveServiceOptions;
  },
): Promise<LiveConnection> {
  const config = buildLiveConnectConfig({ voice, systemInstruction, memoryTools });
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

export async function startLiveSession(
  db: Database,
  { userId, input }: { userId: string; input: StartLiveSessionInput },
  options: LiveServiceOptions = {},
): Promise<StartLiveSessionResult> {
  const now = options.now ?? new Date();
  await closeStaleSessions(db, { userId, now });
  const key = await resolveGeminiKey(db, { userId }, options);
  const persona = input.personaId ? await getOwnedPersona(db, { userId, personaId: input.personaId }) : null;
  const { memoryEnabled } = await getPreferences(db, { userId });
  const memory = memoryEnabled ? await composeMemoryContext(db, { userId, now }) : null;
  const systemInstruction = buildSystemInstruction({ persona, memory: memory?.text });
  const model = options.model ?? env.GEMINI_LIVE_MODEL;
  const session = await createLiveSession(db, {
    userId,
    replaceActive: input.replaceActive ?? false,
    now,
    values: {
      model,
      voice: input.voice,
      personaId: persona?.id ?? null,
      cameraEnabled: input.cameraEnabled,
      micEnabled: input.micEnabled,
      systemInstruction,
      memoryOptOut: input.memoryOptOut ?? false,
    },
  });
  try {
    const connection = await mintFor(db, { userId, key, model, voice: input.voice, systemInstruction, memoryTools: memoryEnabled, options });
    if (memory?.memoryIds.length) options.onRecalled?.(memory);
    return { sessionId: session.id, startedAt: session.startedAt.toISOString(), ...connection };
  } catch (error) {
    const message = isAppError(error) ? error.message : "The conversation could not be started.";
    await endLiveSession(db, { userId, sessionId: session.id, status: "ERROR", errorMessage: message });
    throw error;
  }
}

/** A fresh single-use token for the same open session (resumption after goAway or a drop). */
export async function renewLiveToken(
  db: Database,
  { userId, sessionId }: { userId: string; sessionId: string },
  options: LiveServiceOptions = {},
): Promise<LiveConnection> {
  const session = await touchOpenSession(db, { userId, sessionId, now: options.now });
  const key = await resolveGeminiKey(db, { userId }, options);
  const { memoryEnabled } = await getPreferences(db, { userId });
  return mintFor(db, {
    userId,
    key,
    memoryTools: memoryEnabled,
    model: session.model,
    voice: session.voice,
    systemInstruction: session.systemInstruction ?? buildSystemInstruction({ persona: null }),
    options,
  });
}
