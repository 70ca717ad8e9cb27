import type { LiveCallbacks, LiveConnectParameters, LiveServerMessage, Session } from "@google/genai";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/safe-action";
import { appendTurnsBody, type EndLiveSessionInput, type LiveActions, type LiveConnection, type TurnInput } from "./contract";
import type { LiveApi } from "./live-client";
import type { ConversationDeps } from "./conversation-run";
import { LiveConversation } from "./live-conversation";
import { MESSAGES } from "./live-errors";

const SESSION = "0b7e4a52-3c1d-4e8f-9a6b-2d5c7e9f1a3b";
const connection: LiveConnection = { token: "auth_tokens/x", model: "m", config: { sessionResumption: {} }, apiBaseUrl: null };
const ok = <T>(data: T): Promise<ActionResult<T>> => Promise.resolve({ ok: true, data });

type HeartbeatAnswer = Awaited<ReturnType<LiveActions["markLiveSessionActive"]>>;

function harness(options: { connectError?: string; micDenied?: boolean; startError?: string; startErrorCode?: string; heartbeat?: () => Promise<HeartbeatAnswer>; indexedDB?: IDBFactory } = {}) {
  const calls: string[] = [];
  const ended: EndLiveSessionInput[] = [];
  const actions: LiveActions = {
    startLiveSession: async () => {
      calls.push("start");
      if (options.startError) return { ok: false, error: { code: (options.startErrorCode ?? "forbidden:api") as never, message: options.startError } };
      return ok({ ...connection, sessionId: SESSION, startedAt: new Date().toISOString() });
    },
    renewLiveToken: async () => (calls.push("renew"), ok(connection)),
    markLiveSessionActive: async () => (calls.push("active"), options.heartbeat ? options.heartbeat() : ok({ status: "ACTIVE" as const })),
    endLiveSession: async (input) => {
      calls.push("end");
      ended.push(input);
      return ok({ sessionId: SESSION, status: input.status, totalDurationSeconds: 1, analytics: {} as never });
    },
  };
  let callbacks: LiveCallbacks | null = null;
  const sent: unknown[] = [];
  const connects: LiveConnectParameters[] = [];
  const createApi = (): LiveApi => ({
    live: {
      connect: async (params: LiveConnectParameters) => {
        calls.push("connect");
        if (options.connectError) throw new Error(options.connectError);
        callbacks = params.callbacks;
        connects.push(params);
        return { sendRealtimeInput: (p: unknown) => sent.push(p), close: () => {} } as unknown as Session;
      },
    },
  });
  const stored: TurnInput[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const body = appendTurnsBody.parse(JSON.parse(String(init?.body)));
    stored.push(...body.turns);
    return Response.json({ acknowledged: body.turns.map((t) => t.sequenceNumber) });
  }) as typeof globalThis.fetch;
  const context = {
    currentTime: 0,
    destination: {},
    resume: async () => {},
    close: async () => {},
    createBuffer: (_c: number, length: number) => ({ getChannelData: () => new Float32Array(length) }),
    createBufferSource: () => ({ connect() {}, disconnect() {}, start() {}, stop() {}, onended: null }),
    createGain: () => ({ gain: { setValueAtTime() {}, linearRampToValueAtTime() {}, cancelScheduledValues() {} }, connect() {}, disconnect() {} }),
    createMediaStreamSource: () => ({ connect() {}, disconnect() {} }),
  };
  const port = { onmessage: null as ((e: MessageEvent) => void) | null, postMessage: () => {} };
  const deps: ConversationDeps = {
    createAudioContext: () => context as unknown as AudioContext,
    createApi,
    queue: { fetch, indexedDB: options.indexedDB ?? new IDBFactory(), batchDelayMs: 0 },
    mic: {
      getUserMedia: async () => {
        if (options.micDenied) throw Object.assign(new Error("denied"), { name: "NotAllowedError" });
        return { getAudioTracks: () => [], getTracks: () => [] } as unknown as MediaStream;
      },
      createNode: () => ({ port, connect() {}, disconnect() {} }) as unknown as AudioWorkletNode,
    },
  };
  const conversation = new LiveConversation(actions, deps);
  const server = (message: Partial<LiveServerMessage>) => callbacks!.onmessage(message as LiveServerMessage);
  const micChunk = (rms: number) => port.onmessage?.({ data: { type: "chunk", pcm: new Int16Array(640).buffer, rms } } as MessageEvent);
  return { conversation, calls, ended, sent, stored, server, micChunk, connects };
}

const startOptions = { voice: "Puck" as const, cameraEnabled: false, micEnabled: true };

describe("LiveConversation (what useLiveSession runs)", () => {
  it("a second of microphone chunks re-renders the page about 20 times, not twice per chunk", async () => {
    const h = harness();
    await h.conversation.start(startOptions);
    vi.useFakeTimers();
    try {
      let published = 0;
      const unsubscribe = h.conversation.subscribe(() => (published += 1));
      for (let i = 0; i < 50; i += 1) {
        h.micChunk(0.3);
        vi.advanceTimersByTime(20);
      }
      unsubscribe();
      expect(published).toBeGreaterThanOrEqual(15);
      expect(published).toBeLessThanOrEqual(21);
      // What the page reads is current at once, published or not.
      expect(h.conversation.getSnapshot()).toMatchObject({ inputLevel: 0.3, stats: { audioChunksSent: 50 } });
    } finally {
      vi.useRealTimers();
    }
    await h.conversation.stop();
  });

  it("start → connect → active → live; turns reach the server; stop drains, then ends with stats", async () => {
    const h = harness();
    await h.conversation.start(startOptions);
    expect(h.calls).toEqual(["start", "connect", "active"]);
    expect(h.conversation.getSnapshot()).toMatchObject({ status: "live", sessionId: SESSION, micMuted: false, micUnavailable: false });

    h.micChunk(0.3);
    expect(h.sent).toEqual([{ audio: { data: expect.any(String), mimeType: "audio/pcm;rate=16000" } }]);
    h.server({ serverContent: { inputTranscription: { text: "Hello" } } });
    h.server({ serverContent: { outputTranscription: { text: "Hi!" }, modelTurn: { parts: [{ inlineData: { data: "AAAAAA==", mimeType: "audio/pcm;rate=24000" } }] } } });
    h.server({ serverContent: { turnComplete: true } });
    h.server({ usageMetadata: { promptTokenCount: 9, responseTokenCount: 4 } });
    expect(h.conversation.getSnapshot().turns.map((t) => [t.sender, t.text, t.final])).toEqual([["user", "Hello", true], ["model", "Hi!", true]]);

    h.conversation.setMicMuted(true);
    expect(h.sent.at(-1)).toEqual({ audioStreamEnd: true });
    h.conversation.sendText("typed");
    expect(h.sent.at(-1)).toEqual({ text: "typed" });

    await h.conversation.stop();
    expect(h.calls.at(-1)).toBe("end");
    expect(h.stored.map((t) => [t.sequenceNumber, t.sender, t.text])).toEqual([[0, "user", "Hello"], [1, "model", "Hi!"], [2, "user", "typed"]]);
    expect(h.stored[1]).toMatchObject({ inputTokens: 9, outputTokens: 4 });
    expect(h.ended).toEqual([{ sessionId: SESSION, status: "ENDED", errorMessage: null, stats: { audioSeconds: 0, videoFrameCount: 0, errorCount: 0, resumptions: 0 } }]);
    expect(h.conversation.getSnapshot()).toMatchObject({ status: "ended", stats: { audioChunksSent: 1, audioChunksReceived: 1, turnsPending: 0, turnsAcknowledged: 3 } });
  });

  it("a refused microphone leaves a typed conversation running, with a notice", async () => {
    const h = harness({ micDenied: true });
    await h.conversation.start(startOptions);
    expect(h.conversation.getSnapshot()).toMatchObject({ status: "live", micUnavailable: true, micMuted: true, notice: MESSAGES.micDenied });
    h.conversation.sendText("I can only type");
    expect(h.sent).toEqual([{ text: "I can only type" }]);
    await h.conversation.stop();
  });

  it("a failed connect shows the message, ends the session as ERROR, and retry starts again", async () => {
    const h = harness({ connectError: "Live connection closed before setup completed (code 1007): API key not valid." });
    await h.conversation.start(startOptions);
    await vi.waitFor(() => expect(h.ended).toHaveLength(1));
    expect(h.conversation.getSnapshot()).toMatchObject({ status: "error", error: MESSAGES.badKey });
    expect(h.ended[0]).toMatchObject({ status: "ERROR", errorMessage: MESSAGES.badKey, stats: { errorCount: 1 } });
    expect(h.calls).not.toContain("active");
    await h.conversation.retry();
    expect(h.calls.filter((c) => c === "start")).toHaveLength(2);
  });

  it("a refused start action shows its message and opens no socket", async () => {
    const h = harness({ startError: "Add a Gemini API key in Settings first." });
    await h.conversation.start(startOptions);
    expect(h.conversation.getSnapshot()).toMatchObject({ status: "error", error: "Add a Gemini API key in Settings first.", sessionId: null, limited: false });
    expect(h.calls).toEqual(["start"]);
  });

  it("a start refused by a quota or rate limit is marked as a limit; other refusals are not", async () => {
    for (const code of ["rate_limit:quota", "rate_limit:token"]) {
      const h = harness({ startError: "You have used your 5 conversation minutes for this month.", startErrorCode: code });
      await h.conversation.start(startOptions);
      expect(h.conversation.getSnapshot()).toMatchObject({ status: "error", limited: true, error: expect.stringMatching(/5 conversation minutes/) });
      expect(h.calls).toEqual(["start"]);
    }
    const conflict = harness({ startError: "A conversation is already running.", startErrorCode: "conflict:session" });
    await conflict.conversation.start(startOptions);
    expect(conflict.conversation.getSnapshot()).toMatchObject({ status: "error", limited: false });
  });
});

describe("LiveConversation heartbeat", () => {
  it("signed out (elsewhere, or suspended): the conversation ends with a plain message and asks nothing more of the server", async () => {
    const h = harness({ heartbeat: async () => ({ ok: false, error: { code: "unauthorized:auth" as never, message: "Please sign in to continue." } }) });
    await h.conversation.start(startOptions);
    await vi.waitFor(() => expect(h.conversation.getSnapshot()).toMatchObject({ status: "error", error: MESSAGES.signedOut }));
    expect(h.calls).not.toContain("end");
  });

  it("a heartbeat lost to the network leaves the conversation running", async () => {
    const h = harness({ heartbeat: () => Promise.reject(new TypeError("Failed to fetch")) });
    await h.conversation.start(startOptions);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.conversation.getSnapshot()).toMatchObject({ status: "live", error: null });
    await h.conversation.stop();
    expect(h.calls.at(-1)).toBe("end");
  });
});

describe("LiveConversation stop while starting", () => {
  it("ends the just-created session instead of going live", async () => {
    const h = harness();
    const starting = h.conversation.start(startOptions);
    await h.conversation.stop();
    await starting;
    expect(h.calls).toEqual(["start", "end"]);
    expect(h.ended[0]).toMatchObject({ sessionId: SESSION, status: "ENDED" });
    expect(h.conversation.getSnapshot().status).toBe("ended");
  });
});

/** sessionStorage as the browser keeps it for one tab. */
function tabStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("a conversation the tab held before a reload", () => {
  async function talkThenReload() {
    vi.stubGlobal("sessionStorage", tabStorage());
    const indexedDB = new IDBFactory();
    const before = harness({ indexedDB });
    await before.conversation.start(startOptions);
    before.server({ sessionResumptionUpdate: { newHandle: "handle-after-turn", resumable: true } });
    before.server({ serverContent: { inputTranscription: { text: "Hello" } } });
    before.server({ serverContent: { outputTranscription: { text: "Hi." }, turnComplete: true }, usageMetadata: { responseTokenCount: 3 } });
    await vi.waitFor(() => expect(before.stored.map((t) => t.sequenceNumber)).toEqual([0, 1]));
    // The reload: pagehide, and the page is gone without a Stop.
    before.conversation.pageHide();
    return { indexedDB };
  }

  it("is offered after mount and continues the same session with the kept handle, numbering turns on", async () => {
    try {
      const { indexedDB } = await talkThenReload();
      const after = harness({ indexedDB });
      expect(after.conversation.getSnapshot().resumeOffer).toBeNull();
      expect(after.conversation.checkForContinuation()).toBe(SESSION);
      expect(after.conversation.getSnapshot().resumeOffer).toEqual({ sessionId: SESSION });

      await after.conversation.continueConversation();
      expect(after.calls).toEqual(["renew", "connect", "active"]);
      expect(after.connects[0]!.config?.sessionResumption).toEqual({ handle: "handle-after-turn" });
      expect(after.conversation.getSnapshot()).toMatchObject({ status: "live", sessionId: SESSION, resumeOffer: null });

      after.server({ serverContent: { inputTranscription: { text: "Still there?" } } });
      after.server({ serverContent: { outputTranscription: { text: "Yes." }, turnComplete: true }, usageMetadata: { responseTokenCount: 2 } });
      await vi.waitFor(() => expect(after.stored.map((t) => t.sequenceNumber)).toEqual([2, 3]));
      // Offsets go on from the first page's clock.
      expect(after.stored[0]!.startOffsetMs).toBeGreaterThanOrEqual(0);
      await after.conversation.stop();
      expect(harness().conversation.checkForContinuation()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("End it: ends the session at its last activity and forgets it", async () => {
    try {
      await talkThenReload();
      const after = harness();
      after.conversation.checkForContinuation();
      await after.conversation.endPrevious();
      expect(after.calls).toEqual(["end"]);
      expect(after.ended).toEqual([expect.objectContaining({ sessionId: SESSION, status: "ENDED", abandoned: true })]);
      expect(after.conversation.getSnapshot()).toMatchObject({ status: "ended", sessionId: SESSION, resumeOffer: null });
      expect(harness().conversation.checkForContinuation()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
