import type { LiveCallbacks, LiveConnectParameters, LiveServerMessage, Session } from "@google/genai";
import { describe, expect, it, vi } from "vitest";
import type { LiveConnection } from "./contract";
import { LiveClient, type LiveApi, type LiveClientEvents } from "./live-client";
import { MESSAGES } from "./live-errors";

interface FakeSocket {
  params: LiveConnectParameters;
  token: string;
  sent: unknown[];
  closed: boolean;
  callbacks: LiveCallbacks;
  message: (m: Partial<LiveServerMessage>) => void;
  serverClose: (code: number, reason?: string) => void;
}

function fakeGemini(options: { failWith?: string[] } = {}) {
  const sockets: FakeSocket[] = [];
  const failures = [...(options.failWith ?? [])];
  const createApi = (connection: LiveConnection): LiveApi => ({
    live: {
      connect: async (params: LiveConnectParameters) => {
        const failure = failures.shift();
        if (failure) throw new Error(failure);
        const socket: FakeSocket = {
          params,
          token: connection.token,
          sent: [],
          closed: false,
          callbacks: params.callbacks,
          message: (m) => params.callbacks.onmessage(m as LiveServerMessage),
          serverClose: (code, reason = "") => params.callbacks.onclose?.({ code, reason } as CloseEvent),
        };
        sockets.push(socket);
        const session = {
          sendRealtimeInput: (p: unknown) => socket.sent.push(p),
          sendToolResponse: (p: unknown) => socket.sent.push({ toolResponse: p }),
          close: () => {
            socket.closed = true;
            params.callbacks.onclose?.({ code: 1000, reason: "" } as CloseEvent);
          },
        };
        return session as unknown as Session;
      },
    },
  });
  return { sockets, createApi };
}

function recorder() {
  const log: unknown[][] = [];
  const events = new Proxy({} as LiveClientEvents, {
    get: (_t, name: string) => (...args: unknown[]) => log.push([name, ...args]),
  });
  return { log, events };
}

const connection = (token: string): LiveConnection => ({
  token,
  model: "gemini-test",
  config: { responseModalities: ["AUDIO" as never], sessionResumption: {} },
  apiBaseUrl: null,
});

describe("LiveClient", () => {
  it("routes transcriptions, audio parts, usage, interruption and turn end, in that order", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("t2") });
    await client.connect(connection("t1"));
    gemini.sockets[0]!.message({
      serverContent: {
        inputTranscription: { text: "hi" },
        outputTranscription: { text: "hello" },
        modelTurn: { parts: [{ inlineData: { data: "AAAA", mimeType: "audio/pcm;rate=24000" } }, { text: "thinking" }] },
        interrupted: true,
        turnComplete: true,
      },
      usageMetadata: { promptTokenCount: 7, responseTokenCount: 3 },
    });
    expect(log).toEqual([
      ["onInputTranscription", "hi"],
      ["onOutputTranscription", "hello"],
      ["onAudio", "AAAA", "audio/pcm;rate=24000"],
      ["onUsage", { promptTokenCount: 7, responseTokenCount: 3 }],
      ["onInterrupted"],
      ["onTurnComplete"],
    ]);
  });

  it("sends audio, audioStreamEnd, video and text as realtime input", async () => {
    const gemini = fakeGemini();
    const client = new LiveClient(recorder().events, { createApi: gemini.createApi, renewConnection: async () => connection("t2") });
    await client.connect(connection("t1"));
    client.sendAudio("QUJD");
    client.sendAudioStreamEnd();
    client.sendVideo("/9j/", "image/jpeg");
    client.sendText("typed");
    expect(gemini.sockets[0]!.sent).toEqual([
      { audio: { data: "QUJD", mimeType: "audio/pcm;rate=16000" } },
      { audioStreamEnd: true },
      { video: { data: "/9j/", mimeType: "image/jpeg" } },
      { text: "typed" },
    ]);
  });

  it("on goAway reconnects with the latest handle and a renewed token, then retires the old socket", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const renew = vi.fn(async () => connection("renewed"));
    const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: renew });
    await client.connect(connection("first"));
    const [first] = gemini.sockets;
    first!.message({ sessionResumptionUpdate: { newHandle: "h1", resumable: true } });
    first!.message({ sessionResumptionUpdate: { newHandle: "", resumable: false } });
    first!.message({ sessionResumptionUpdate: { newHandle: "h2", resumable: true } });
    first!.message({ goAway: { timeLeft: "5s" } });
    await vi.waitFor(() => expect(client.resumptions).toBe(1));
    const second = gemini.sockets[1]!;
    expect(second.token).toBe("renewed");
    expect(second.params.config?.sessionResumption).toEqual({ handle: "h2" });
    expect(first!.closed).toBe(true);
    expect(log.map((e) => e[0])).toEqual(["onReconnecting", "onResumed"]);
    client.sendAudio("QQ==");
    expect(second.sent).toHaveLength(1);
    first!.message({ serverContent: { outputTranscription: { text: "stale" } } });
    expect(log.some((e) => e[0] === "onOutputTranscription")).toBe(false);
  });

  it("after goAway mid-answer keeps the socket until turnComplete and the resumable handle after it", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("renewed") });
    await client.connect(connection("first"));
    const first = gemini.sockets[0]!;
    first.message({ sessionResumptionUpdate: { newHandle: "before", resumable: true } });
    first.message({ sessionResumptionUpdate: { resumable: false } });
    first.message({ serverContent: { modelTurn: { parts: [{ inlineData: { data: "AAAA", mimeType: "audio/pcm;rate=24000" } }] }, outputTranscription: { text: "Half" } } });
    first.message({ goAway: { timeLeft: "30s" } });
    first.message({ serverContent: { modelTurn: { parts: [{ inlineData: { data: "BBBB", mimeType: "audio/pcm;rate=24000" } }] }, outputTranscription: { text: " and the rest." } } });
    first.message({ serverContent: { turnComplete: true } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(gemini.sockets).toHaveLength(1);
    expect(first.closed).toBe(false);
    first.message({ sessionResumptionUpdate: { newHandle: "after", resumable: true } });
    await vi.waitFor(() => expect(client.resumptions).toBe(1));
    expect(gemini.sockets[1]!.params.config?.sessionResumption).toEqual({ handle: "after" });
    expect(first.closed).toBe(true);
    expect(log.map((e) => e[0])).toEqual([
      "onOutputTranscription", "onAudio", "onOutputTranscription", "onAudio", "onTurnComplete", "onReconnecting", "onResumed",
    ]);
    client.close();
  });

  it("does not answer a tool call the service cancelled (the user spoke over it), and answers the others", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("renewed") });
    await client.connect(connection("first"));
    const socket = gemini.sockets[0]!;
    socket.message({ toolCall: { functionCalls: [{ id: "c1", name: "recall_memories", args: { query: "sister" } }, { id: "c2", name: "save_memory", args: { content: "x" } }] } });
    socket.message({ toolCallCancellation: { ids: ["c1"] } });
    expect(log.filter((e) => e[0] === "onToolCall")).toHaveLength(1);
    expect(client.sendToolResponse([{ id: "c1", name: "recall_memories", response: { memories: [] } }, { id: "c2", name: "save_memory", response: { saved: true } }])).toBe(true);
    expect(client.sendToolResponse([{ id: "c1", name: "recall_memories", response: { memories: [] } }])).toBe(false);
    expect(socket.sent).toEqual([{ toolResponse: { functionResponses: [{ id: "c2", name: "save_memory", response: { saved: true } }] } }]);
    client.close();
  });

  it("after goAway keeps the socket while a tool call on it is unanswered, then switches", async () => {
    const gemini = fakeGemini();
    const client = new LiveClient(recorder().events, { createApi: gemini.createApi, renewConnection: async () => connection("renewed") });
    await client.connect(connection("first"));
    const first = gemini.sockets[0]!;
    first.message({ sessionResumptionUpdate: { newHandle: "h1", resumable: true } });
    first.message({ toolCall: { functionCalls: [{ id: "c1", name: "recall_memories", args: { query: "Porto" } }] } });
    first.message({ goAway: { timeLeft: "30s" } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(gemini.sockets).toHaveLength(1);
    expect(client.sendToolResponse([{ id: "c1", name: "recall_memories", response: { memories: [] } }])).toBe(true);
    expect(first.sent).toHaveLength(1);
    await vi.waitFor(() => expect(client.resumptions).toBe(1));
    expect(gemini.sockets[1]!.params.config?.sessionResumption).toEqual({ handle: "h1" });
    client.close();
  });

  it("a goAway whose timeLeft runs out mid-answer cuts the line as interrupted, ignores the old socket, and resumes", async () => {
    vi.useFakeTimers();
    try {
      const gemini = fakeGemini();
      const { log, events } = recorder();
      const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("renewed"), goAwayMarginMs: 500 });
      await client.connect(connection("first"));
      const first = gemini.sockets[0]!;
      first.message({ sessionResumptionUpdate: { newHandle: "h1", resumable: true } });
      first.message({ sessionResumptionUpdate: { resumable: false } });
      first.message({ serverContent: { outputTranscription: { text: "Long" } } });
      first.message({ goAway: { timeLeft: "2s" } });
      await vi.advanceTimersByTimeAsync(1400);
      expect(log.some((e) => e[0] === "onInterrupted")).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(log.filter((e) => e[0] === "onInterrupted")).toHaveLength(1);
      first.message({ serverContent: { outputTranscription: { text: " late" } } });
      await vi.waitFor(() => expect(client.resumptions).toBe(1));
      expect(gemini.sockets[1]!.params.config?.sessionResumption).toEqual({ handle: "h1" });
      expect(log.filter((e) => e[0] === "onOutputTranscription")).toEqual([["onOutputTranscription", "Long"]]);
      client.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a socket dropped mid-answer closes the line as interrupted before resuming", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("again") });
    await client.connect(connection("t"));
    gemini.sockets[0]!.message({ sessionResumptionUpdate: { newHandle: "h", resumable: true } });
    gemini.sockets[0]!.message({ serverContent: { outputTranscription: { text: "Half" } } });
    gemini.sockets[0]!.serverClose(1006);
    await vi.waitFor(() => expect(client.resumptions).toBe(1));
    expect(log.map((e) => e[0])).toEqual(["onOutputTranscription", "onInterrupted", "onReconnecting", "onResumed"]);
  });

  it("resumes after a dropped socket (1006) when it holds a handle, and queues typed text meanwhile", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    let release!: () => void;
    const renewed = new Promise<void>((resolve) => (release = resolve));
    const client = new LiveClient(events, {
      createApi: gemini.createApi,
      renewConnection: async () => {
        await renewed;
        return connection("again");
      },
    });
    await client.connect(connection("t"));
    gemini.sockets[0]!.message({ sessionResumptionUpdate: { newHandle: "h", resumable: true } });
    gemini.sockets[0]!.serverClose(1006);
    client.sendText("while away");
    release();
    await vi.waitFor(() => expect(client.resumptions).toBe(1));
    expect(gemini.sockets[1]!.sent).toEqual([{ text: "while away" }]);
    expect(log.some((e) => e[0] === "onFatal")).toBe(false);
  });

  it("fails with a human message on a 1008/1011 close, or a drop without a handle", async () => {
    for (const [code, reason, expected] of [
      [1011, "Internal error", "internal problem"],
      [1008, "Policy violation", "code 1008"],
      [1006, "", MESSAGES.network],
    ] as const) {
      const gemini = fakeGemini();
      const { log, events } = recorder();
      const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("x") });
      await client.connect(connection("t"));
      gemini.sockets[0]!.message({ sessionResumptionUpdate: code === 1006 ? {} : { newHandle: "h", resumable: true } });
      gemini.sockets[0]!.serverClose(code, reason);
      expect(log).toEqual([["onFatal", expect.stringContaining(expected)]]);
      expect(gemini.sockets).toHaveLength(1);
    }
  });

  it("turns a rejected connect into the bad-key sentence", async () => {
    const gemini = fakeGemini({ failWith: ["Live connection closed before setup completed (code 1007): API key not valid. Please pass a valid API key."] });
    const client = new LiveClient(recorder().events, { createApi: gemini.createApi, renewConnection: async () => connection("x") });
    await expect(client.connect(connection("t"))).rejects.toThrow(MESSAGES.badKey);
  });

  it("gives up after the resume attempts fail and says why", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const client = new LiveClient(events, {
      createApi: gemini.createApi,
      renewConnection: async () => {
        throw new Error("Your session has ended.");
      },
      maxResumeAttempts: 2,
      resumeBackoffMs: 1,
    });
    await client.connect(connection("t"));
    gemini.sockets[0]!.message({ sessionResumptionUpdate: { newHandle: "h", resumable: true } });
    gemini.sockets[0]!.serverClose(1001);
    await vi.waitFor(() => expect(log.at(-1)).toEqual(["onFatal", "Your session has ended."]));
  });

  it("ignores its own close", async () => {
    const gemini = fakeGemini();
    const { log, events } = recorder();
    const client = new LiveClient(events, { createApi: gemini.createApi, renewConnection: async () => connection("x") });
    await client.connect(connection("t"));
    client.close();
    expect(gemini.sockets[0]!.closed).toBe(true);
    expect(log).toEqual([]);
    expect(client.sendAudio("QQ==")).toBe(false);
  });
});
