import { GoogleGenAI } from "@google/genai";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import type { StartLiveSessionInput } from "@/lib/live/contract";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 5).toString("base64");
});

const { liveSessions, sessionAnalytics } = await import("@/db/schema");
const { getStoredCredential, upsertCredential } = await import("./credentials");
const { closeStaleSessions, endLiveSession, getOwnedLiveSession, markLiveSessionActive, STALE_SESSION_MS } = await import("./live-sessions");
const { appendTurns } = await import("./transcripts");
const { saveGeminiKey } = await import("@/lib/gemini/credentials");
const { sealSecret } = await import("@/lib/gemini/crypto");
const { renewLiveToken, startLiveSession } = await import("@/lib/gemini/live-service");

const MODEL = "gemini-2.5-flash-native-audio-preview-12-2025";
const input: StartLiveSessionInput = { voice: "Puck", personaId: null, cameraEnabled: true, micEnabled: true };

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(() => double.close());

describeEachDriver("live sessions", ({ db }) => {
  const options = (extra: { now?: Date; serverKey?: string | null } = {}) => ({ baseUrl: double.url, serverKey: null, model: MODEL, ...extra });

  async function userWithKey() {
    const user = await createTestUser(db());
    await saveGeminiKey(db(), { userId: user.id, apiKey: TEST_GEMINI_KEY }, options());
    return user;
  }

  it("starts CONNECTING with a locked config and an ephemeral token the SDK can connect with", async () => {
    const user = await userWithKey();
    const result = await startLiveSession(db(), { userId: user.id, input }, options());
    expect(result.token).toMatch(/^auth_tokens\//);
    expect(result.model).toBe(MODEL);
    expect(result.apiBaseUrl).toBe(double.url);
    expect(result.config).toMatchObject({
      responseModalities: ["AUDIO"],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } } },
      inputAudioTranscription: {},
      outputAudioTranscription: {},
      sessionResumption: {},
      contextWindowCompression: { slidingWindow: {} },
    });
    expect(JSON.stringify(result)).not.toContain(TEST_GEMINI_KEY);

    const row = await getOwnedLiveSession(db(), { userId: user.id, sessionId: result.sessionId });
    expect(row).toMatchObject({ status: "CONNECTING", model: MODEL, voice: "Puck", cameraEnabled: true, micEnabled: true });
    expect(row.systemInstruction).toBe(result.config.systemInstruction);

    // The browser's path: the real SDK opens the constrained socket with the token alone.
    const ai = new GoogleGenAI({ apiKey: result.token, httpOptions: { apiVersion: "v1alpha", baseUrl: result.apiBaseUrl! } });
    const socket = await ai.live.connect({ model: result.model, config: result.config, callbacks: { onmessage: () => {} } });
    socket.close();
    const connection = double.received().connections.find((c) => c.tokenName === result.token);
    expect(connection).toMatchObject({ auth: "token", apiVersion: "v1alpha", model: `models/${MODEL}` });

    expect(await markLiveSessionActive(db(), { userId: user.id, sessionId: result.sessionId })).toEqual({ status: "ACTIVE" });
  });

  it("renews the token for the same open session and refuses once it ended", async () => {
    const user = await userWithKey();
    const { sessionId, token } = await startLiveSession(db(), { userId: user.id, input }, options());
    const renewed = await renewLiveToken(db(), { userId: user.id, sessionId }, options());
    expect(renewed.token).toMatch(/^auth_tokens\//);
    expect(renewed.token).not.toBe(token);
    await endLiveSession(db(), { userId: user.id, sessionId, status: "ENDED" });
    await expect(renewLiveToken(db(), { userId: user.id, sessionId }, options())).rejects.toMatchObject({ code: "conflict:session" });
  });

  it("allows one open session per user; replaceActive ends the other", async () => {
    const user = await userWithKey();
    const first = await startLiveSession(db(), { userId: user.id, input }, options());
    await expect(startLiveSession(db(), { userId: user.id, input }, options())).rejects.toMatchObject({ code: "conflict:session", status: 409 });

    const second = await startLiveSession(db(), { userId: user.id, input: { ...input, replaceActive: true } }, options());
    expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: first.sessionId })).status).toBe("ENDED");
    expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: second.sessionId })).status).toBe("CONNECTING");

    // Another user is not limited by this one's session.
    const other = await userWithKey();
    await expect(startLiveSession(db(), { userId: other.id, input }, options())).resolves.toMatchObject({ token: expect.any(String) });
  });

  it("closes a stale session with its analytics before starting the next", async () => {
    const user = await userWithKey();
    const t0 = new Date("2030-01-01T10:00:00Z");
    const stale = await startLiveSession(db(), { userId: user.id, input }, options({ now: t0 }));
    await markLiveSessionActive(db(), { userId: user.id, sessionId: stale.sessionId, now: new Date(t0.getTime() + 30_000) });

    const later = new Date(t0.getTime() + 30_000 + STALE_SESSION_MS + 1000);
    const next = await startLiveSession(db(), { userId: user.id, input }, options({ now: later }));
    const closed = await getOwnedLiveSession(db(), { userId: user.id, sessionId: stale.sessionId });
    expect(closed).toMatchObject({ status: "ENDED", totalDurationSeconds: 30 });
    expect(closed.endedAt?.toISOString()).toBe("2030-01-01T10:00:30.000Z");
    const [analytics] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, stale.sessionId));
    expect(analytics?.userId).toBe(user.id);
    expect(next.sessionId).not.toBe(stale.sessionId);

    // A never-connected one is closed as an error.
    const much = new Date(later.getTime() + STALE_SESSION_MS + 1000);
    expect(await closeStaleSessions(db(), { userId: user.id, now: much })).toEqual([next.sessionId]);
    const failed = await getOwnedLiveSession(db(), { userId: user.id, sessionId: next.sessionId });
    expect(failed.status).toBe("ERROR");
    expect(failed.lastErrorMessage).toMatch(/never connected/);
  });

  it("an abandoned conversation ends at its last activity: replaced by the next Start, or ended after a reload", async () => {
    const user = await userWithKey();
    const t0 = new Date("2030-02-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const turn = { sender: "user" as const, text: "Hello", startOffsetMs: 14_000, endOffsetMs: 16_000, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null };

    // A 16 s talk, then the page went away; the next Start 154 s in replaces it (not yet stale).
    const talk = await startLiveSession(db(), { userId: user.id, input }, options({ now: t0 }));
    await markLiveSessionActive(db(), { userId: user.id, sessionId: talk.sessionId, now: at(2) });
    await appendTurns(db(), { userId: user.id, sessionId: talk.sessionId, turns: [{ ...turn, sequenceNumber: 0 }], now: at(16) });
    const next = await startLiveSession(db(), { userId: user.id, input: { ...input, replaceActive: true } }, options({ now: at(154) }));
    const replaced = await getOwnedLiveSession(db(), { userId: user.id, sessionId: talk.sessionId });
    expect(replaced).toMatchObject({ status: "ENDED", totalDurationSeconds: 16 });
    expect(replaced.endedAt?.toISOString()).toBe(at(16).toISOString());
    const [analytics] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, talk.sessionId));
    expect(analytics?.durationSeconds).toBe(16);

    // Reloaded 30 s into the next one and ended from the offer a minute later: it ends where it stopped.
    await markLiveSessionActive(db(), { userId: user.id, sessionId: next.sessionId, now: at(184) });
    const ended = await endLiveSession(db(), { userId: user.id, sessionId: next.sessionId, status: "ENDED", abandoned: true, now: at(244) });
    expect(ended.totalDurationSeconds).toBe(30);
    expect((await getOwnedLiveSession(db(), { userId: user.id, sessionId: next.sessionId })).endedAt?.toISOString()).toBe(at(184).toISOString());

    // A Stop pressed in the conversation ends it now, however long ago the last turn was.
    const third = await startLiveSession(db(), { userId: user.id, input }, options({ now: at(300) }));
    await markLiveSessionActive(db(), { userId: user.id, sessionId: third.sessionId, now: at(301) });
    expect((await endLiveSession(db(), { userId: user.id, sessionId: third.sessionId, status: "ENDED", now: at(340) })).totalDurationSeconds).toBe(40);
  });

  it("a rejected key ends the new session as ERROR with a message and marks the key invalid", async () => {
    const user = await createTestUser(db());
    const wrongKey = "AIzaSyWrong-Key-Revoked-Since-Saving-0042";
    await upsertCredential(db(), { userId: user.id, sealed: sealSecret(wrongKey, { userId: user.id }), lastFour: "0042", validatedAt: new Date() });

    const error = (await startLiveSession(db(), { userId: user.id, input }, options()).catch((e: unknown) => e)) as Error & { code: string };
    expect(error).toMatchObject({ code: "bad_request:gemini", status: 400 });
    expect(error.message).toMatch(/Gemini rejected your API key/);
    expect(JSON.stringify(error)).not.toContain(wrongKey);
    expect(String((error.cause as Error).message)).not.toContain(wrongKey);

    const [row] = await db().select().from(liveSessions).where(eq(liveSessions.userId, user.id));
    expect(row).toMatchObject({ status: "ERROR", lastErrorMessage: error.message });
    expect((await getStoredCredential(db(), { userId: user.id }))?.isValid).toBe(false);
  });

  it("uses the deployment's key for users without one, and refuses when there is none", async () => {
    const user = await createTestUser(db());
    await expect(startLiveSession(db(), { userId: user.id, input }, options())).rejects.toThrow(/Add your Gemini API key in Settings/);
    expect(await db().select().from(liveSessions).where(eq(liveSessions.userId, user.id))).toHaveLength(0);
    const result = await startLiveSession(db(), { userId: user.id, input }, options({ serverKey: TEST_GEMINI_KEY }));
    expect(result.token).toMatch(/^auth_tokens\//);
  });

  it("writes the analytics row of a scripted session when it ends, once", async () => {
    const user = await userWithKey();
    const t0 = new Date("2030-02-01T09:00:00Z");
    const { sessionId } = await startLiveSession(db(), { userId: user.id, input }, options({ now: t0 }));
    await markLiveSessionActive(db(), { userId: user.id, sessionId, now: t0 });
    const turn = (sequenceNumber: number, sender: "user" | "model", extra: Partial<{ latencyMs: number; interrupted: boolean; inputTokens: number; outputTokens: number }> = {}) => ({
      sequenceNumber,
      sender,
      text: `${sender} ${sequenceNumber}`,
      startOffsetMs: sequenceNumber * 1000,
      endOffsetMs: sequenceNumber * 1000 + 800,
      latencyMs: extra.latencyMs ?? null,
      interrupted: extra.interrupted ?? false,
      inputTokens: extra.inputTokens ?? null,
      outputTokens: extra.outputTokens ?? null,
    });
    // Latencies 700, 300, 1200, 500: mean 675; nearest-rank p95 = rank ceil(3.8)=4 → 1200.
    await appendTurns(db(), {
      userId: user.id,
      sessionId,
      turns: [
        turn(0, "user"),
        turn(1, "model", { latencyMs: 700, inputTokens: 100, outputTokens: 40 }),
        turn(2, "user"),
        turn(3, "model", { latencyMs: 300, interrupted: true, inputTokens: 150, outputTokens: 10 }),
        turn(4, "user"),
        turn(5, "model", { latencyMs: 1200, inputTokens: 220, outputTokens: 55 }),
        turn(6, "user"),
        turn(7, "model", { latencyMs: 500, interrupted: true, inputTokens: 300, outputTokens: 25 }),
      ],
    });
    const end = { userId: user.id, sessionId, status: "ENDED" as const, stats: { audioSeconds: 42.5, videoFrameCount: 40, errorCount: 1, resumptions: 2 } };
    const result = await endLiveSession(db(), { ...end, now: new Date(t0.getTime() + 95_400) });
    const expected = {
      userMessageCount: 4,
      modelMessageCount: 4,
      responseTimeMeanMs: 675,
      responseTimeP95Ms: 1200,
      interruptionCount: 2,
      errorCount: 1,
      tokensIn: 770,
      tokensOut: 130,
      audioSeconds: 42.5,
      videoFrameCount: 40,
    };
    expect(result).toEqual({ sessionId, status: "ENDED", totalDurationSeconds: 95, analytics: expected });

    const [stored] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, sessionId));
    expect(stored).toMatchObject({ ...expected, userId: user.id, metadata: { resumptions: 2 } });
    const session = await getOwnedLiveSession(db(), { userId: user.id, sessionId });
    expect(session).toMatchObject({ status: "ENDED", totalDurationSeconds: 95, lastErrorMessage: null });
    expect(session.endedAt?.toISOString()).toBe("2030-02-01T09:01:35.400Z");

    // A second Stop (another tab, a retry) changes nothing.
    const again = await endLiveSession(db(), { ...end, status: "ERROR", errorMessage: "late", now: new Date(t0.getTime() + 500_000) });
    expect(again).toEqual(result);
    expect(await getOwnedLiveSession(db(), { userId: user.id, sessionId })).toMatchObject({ status: "ENDED", totalDurationSeconds: 95, lastErrorMessage: null });
  });

  it("another user cannot mark, renew or end someone's session", async () => {
    const [alice, bob] = [await userWithKey(), await userWithKey()];
    const { sessionId } = await startLiveSession(db(), { userId: alice.id, input }, options());
    const notFound = { code: "not_found:session", status: 404 };
    await expect(endLiveSession(db(), { userId: bob.id, sessionId, status: "ENDED" })).rejects.toMatchObject(notFound);
    await expect(markLiveSessionActive(db(), { userId: bob.id, sessionId })).rejects.toMatchObject(notFound);
    await expect(renewLiveToken(db(), { userId: bob.id, sessionId }, options())).rejects.toMatchObject(notFound);
    expect((await getOwnedLiveSession(db(), { userId: alice.id, sessionId })).status).toBe("CONNECTING");
  });

  it("records an error ending with its message", async () => {
    const user = await userWithKey();
    const { sessionId } = await startLiveSession(db(), { userId: user.id, input }, options());
    const result = await endLiveSession(db(), { userId: user.id, sessionId, status: "ERROR", errorMessage: "The connection was closed (1011)." });
    expect(result.status).toBe("ERROR");
    expect(result.analytics?.errorCount).toBe(1);
    expect(await getOwnedLiveSession(db(), { userId: user.id, sessionId })).toMatchObject({ status: "ERROR", lastErrorMessage: "The connection was closed (1011)." });
    // The analytics row carries the message too: the Admin list of frequent errors reads it there.
    const [row] = await db().select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, sessionId));
    expect(row).toMatchObject({ status: "ERROR", errorMessage: "The connection was closed (1011)." });
  });
});
