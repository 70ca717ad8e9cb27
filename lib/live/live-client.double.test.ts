import { GoogleGenAI, Modality } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_GEMINI_KEY } from "@/e2e/gemini-double/constants";
import { startGeminiDouble, type GeminiDouble } from "@/e2e/gemini-double/server";
import { bytesToBase64 } from "./audio/base64";
import { floatToPcm16, pcm16ToBytes } from "./audio/pcm16";
import type { LiveConnection } from "./contract";
import { LiveClient, type LiveClientEvents } from "./live-client";
import { MESSAGES } from "./live-errors";
import { TranscriptAssembler, type ClosedTurn } from "./transcript-assembler";

/* The client and the assembler against the Gemini Live test double, through the real SDK (Node build). */

const MODEL = "gemini-2.5-flash-native-audio-preview-12-2025";
const CONFIG = { responseModalities: [Modality.AUDIO], inputAudioTranscription: {}, outputAudioTranscription: {}, sessionResumption: {} };
const FAST = { pace: 0.1, responseDelayMs: 20, replyAudioMs: 600, chunkMs: 200 };

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(async () => {
  await double.close();
});
beforeEach(() => double.reset());

async function mint(): Promise<LiveConnection> {
  const ai = new GoogleGenAI({ apiKey: TEST_GEMINI_KEY, httpOptions: { apiVersion: "v1alpha", baseUrl: double.url } });
  const token = await ai.authTokens.create({
    config: { uses: 1, newSessionExpireTime: new Date(Date.now() + 60_000).toISOString(), liveConnectConstraints: { model: MODEL, config: CONFIG } },
  });
  return { token: token.name!, model: MODEL, config: CONFIG, apiBaseUrl: double.url };
}

/** 800 ms of a loud tone (the double's voice detector hears speech) then 800 ms of quiet, in 40 ms chunks. */
function utterance(): string[] {
  const samples = Float32Array.from({ length: 25_600 }, (_, i) => (i < 12_800 ? 0.4 * Math.sin(i / 3) : 0));
  const pcm = floatToPcm16(samples);
  const out: string[] = [];
  for (let i = 0; i < pcm.length; i += 640) out.push(bytesToBase64(pcm16ToBytes(pcm.subarray(i, i + 640))));
  return out;
}

/** Connections that carried a turn (a previous test's late resume may still open one). */
const talked = () => double.received().connections.filter((c) => c.userTurns > 0);

function conversation() {
  const closed: ClosedTurn[] = [];
  const fatal: string[] = [];
  let completed = 0;
  const start = performance.now();
  const assembler = new TranscriptAssembler(start, { onTurnClosed: (t) => closed.push(t), onViewsChanged: () => {} });
  const now = () => performance.now();
  const events: LiveClientEvents = {
    onInputTranscription: (text) => assembler.inputTranscription(text, now()),
    onOutputTranscription: (text) => assembler.outputTranscription(text, now()),
    onAudio: () => assembler.modelAudio(now()),
    onInterrupted: () => assembler.interrupted(now()),
    onTurnComplete: () => {
      assembler.turnComplete(now());
      completed += 1;
    },
    onUsage: (usage) => assembler.usage(usage),
    onReconnecting: () => {},
    onResumed: () => {},
    onFatal: (message) => fatal.push(message),
  };
  const speak = (client: LiveClient) => {
    for (const chunk of utterance()) {
      assembler.userSpeech(now());
      client.sendAudio(chunk);
    }
  };
  return { closed, fatal, events, speak, assembler, completed: () => completed };
}

describe("LiveClient against the Gemini Live double", () => {
  it("a spoken turn becomes a user turn and a model turn with latency and tokens", async () => {
    double.setScript({ ...FAST, replyText: "Hello from the double." });
    const c = conversation();
    const client = new LiveClient(c.events, { renewConnection: mint });
    await client.connect(await mint());
    c.speak(client);
    await vi.waitFor(() => expect(c.closed).toHaveLength(2), { timeout: 10_000 });
    client.close();
    expect(c.closed.map((t) => t.sender)).toEqual(["user", "model"]);
    expect(c.closed[0]!.text.length).toBeGreaterThan(0);
    expect(c.closed[1]).toMatchObject({ text: "Hello from the double.", interrupted: false });
    expect(c.closed[1]!.latencyMs).toEqual(expect.any(Number));
    expect(c.closed[1]!.outputTokens).toBeGreaterThan(0);
    expect(double.received().connections[0]).toMatchObject({ auth: "token", audioMimeTypes: ["audio/pcm;rate=16000"] });
  });

  it("survives goAway: resumes with the handle and a renewed token, and the next turn arrives", async () => {
    double.setScript({ ...FAST, goAwayAfterTurns: 1, goAwayCloseDelayMs: 100, turns: [{ replyText: "One." }, { replyText: "Two." }] });
    const c = conversation();
    const renew = vi.fn(mint);
    const client = new LiveClient(c.events, { renewConnection: renew });
    await client.connect(await mint());
    c.speak(client);
    await vi.waitFor(() => expect(client.resumptions).toBe(1), { timeout: 10_000 });
    c.speak(client);
    await vi.waitFor(() => expect(c.completed()).toBe(2), { timeout: 10_000 });
    c.assembler.flush(performance.now());
    client.close();
    // The double sends goAway after each connection's first turn, so the second may be moving on too.
    expect(renew.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(c.fatal).toEqual([]);
    expect(c.closed.filter((t) => t.sender === "model").map((t) => t.text)).toEqual(["One.", "Two."]);
    const [first, second] = double.received().connections;
    expect(second?.conversationId).toBe(first?.conversationId);
    expect(second?.resumedFromHandle).toEqual(expect.any(String));
  });

  it("goAway mid-answer: the whole answer arrives on the old socket, then it resumes with the handle issued after that turn", async () => {
    const whole = "Every word of this answer arrives, although the connection is going away.";
    double.setScript({ ...FAST, pace: 1, replyAudioMs: 1500, goAwayDuringAnswer: { turn: 0, afterMs: 300 }, goAwayTimeLeft: "4s", turns: [{ replyText: whole }, { replyText: "Next." }] });
    const c = conversation();
    const client = new LiveClient(c.events, { renewConnection: mint });
    await client.connect(await mint());
    c.speak(client);
    await vi.waitFor(() => expect(client.resumptions).toBe(1), { timeout: 10_000 });
    c.speak(client);
    await vi.waitFor(() => expect(c.completed()).toBe(2), { timeout: 10_000 });
    c.assembler.flush(performance.now());
    client.close();
    expect(c.fatal).toEqual([]);
    expect(c.closed.filter((t) => t.sender === "model").map((t) => [t.text, t.interrupted])).toEqual([[whole, false], ["Next.", false]]);
    const [first, second] = talked();
    expect(first).toMatchObject({ goAwaysSent: 1, turnsCompleted: 1, closedBy: "client" });
    expect(second?.resumedFromHandle).toBe(first?.lastResumableHandle);
  });

  it("goAway whose timeLeft runs out before the answer ends: the cut line is closed as interrupted and the talk goes on", async () => {
    double.setScript({
      ...FAST,
      pace: 1,
      turns: [{ replyText: "Short one." }, { replyText: "A long answer that the connection limit cuts off.", replyAudioMs: 6000 }, { replyText: "After." }],
      goAwayDuringAnswer: { turn: 1, afterMs: 200 },
      goAwayTimeLeft: "1s",
    });
    const c = conversation();
    const client = new LiveClient(c.events, { renewConnection: mint });
    await client.connect(await mint());
    c.speak(client);
    await vi.waitFor(() => expect(c.completed()).toBe(1), { timeout: 10_000 });
    const handleBefore = talked()[0]?.lastResumableHandle;
    c.speak(client);
    await vi.waitFor(() => expect(client.resumptions).toBe(1), { timeout: 10_000 });
    // The cut line is final on screen at once, not left "Speaking…".
    expect(c.assembler.turns.filter((t) => t.sender === "model").map((t) => [t.final, t.interrupted])).toEqual([[true, false], [true, true]]);
    c.speak(client);
    await vi.waitFor(() => expect(c.completed()).toBe(2), { timeout: 10_000 });
    c.assembler.flush(performance.now());
    client.close();
    expect(c.fatal).toEqual([]);
    const answers = c.closed.filter((t) => t.sender === "model");
    expect(answers.map((t) => t.interrupted)).toEqual([false, true, false]);
    expect(answers[1]!.text.length).toBeLessThan("A long answer that the connection limit cuts off.".length);
    expect(answers[2]).toMatchObject({ text: "After.", interrupted: false });
    expect(talked()[1]?.resumedFromHandle).toBe(handleBefore);
  });

  it("reports a bad key and a scripted 1011 close in words", async () => {
    const bad = new LiveClient(conversation().events, { renewConnection: mint });
    await expect(bad.connect({ token: "AIzaSyNotARealKeyAtAll-000000000000000", model: MODEL, config: CONFIG, apiBaseUrl: double.url })).rejects.toThrow(MESSAGES.badKey);

    double.setScript({ ...FAST, closeWith: { code: 1011, reason: "Internal error encountered.", afterTurns: 1 } });
    const c = conversation();
    const client = new LiveClient(c.events, { renewConnection: mint });
    await client.connect(await mint());
    c.speak(client);
    await vi.waitFor(() => expect(c.fatal).toEqual([expect.stringContaining("internal problem")]), { timeout: 10_000 });
  });
});
