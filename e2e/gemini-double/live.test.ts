import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_INPUT_TRANSCRIPT, DEFAULT_REPLY_TEXT, TEST_GEMINI_KEY } from "./constants";
import { type GeminiDouble, startGeminiDouble } from "./server";
import { client, connect, kinds, LIVE_CONFIG, LIVE_MODEL, sendAudio, silencePcm, speechPcm } from "./test-support";

let double: GeminiDouble;
const FAST = { pace: 0.1, responseDelayMs: 20, replyAudioMs: 1000, chunkMs: 200 };

beforeAll(async () => {
  double = await startGeminiDouble();
});
afterAll(async () => {
  await double.close();
});
beforeEach(() => {
  double.reset();
  double.setScript(FAST);
});

async function mintToken(uses = 1) {
  const token = await client(TEST_GEMINI_KEY, double.url).authTokens.create({
    config: {
      uses,
      newSessionExpireTime: new Date(Date.now() + 60_000).toISOString(),
      liveConnectConstraints: { model: LIVE_MODEL, config: LIVE_CONFIG },
      lockAdditionalFields: [],
    },
  });
  return token.name ?? "";
}

const joined = (parts: (string | undefined)[]) => parts.join("");

describe("Gemini Live double, through the real SDK", () => {
  it("answers spoken audio after ~600 ms of quiet: transcripts, 24 kHz audio, usage, turnComplete in order", async () => {
    const live = await connect(client(await mintToken(), double.url));
    sendAudio(live.session, speechPcm());
    await live.waitFor((message) => message.serverContent?.turnComplete === true);
    live.session.close();

    const sequence = live.messages.flatMap(kinds).filter((kind, i, all) => kind !== all[i - 1]);
    // While generating, the service says it cannot be resumed; output transcription rides with the audio.
    expect(sequence).toEqual([
      "setupComplete", "inputTranscription", "sessionResumptionUpdate", "audio", "outputTranscription", "audio", "outputTranscription",
      "audio", "outputTranscription", "audio", "outputTranscription", "audio", "outputTranscription",
      "generationComplete", "turnComplete", "usageMetadata", "sessionResumptionUpdate",
    ]);
    expect(live.messages.filter((message) => message.serverContent?.inputTranscription)).toHaveLength(3);
    const updates = live.messages.flatMap((message) => (message.sessionResumptionUpdate ? [message.sessionResumptionUpdate] : []));
    expect(updates).toEqual([{ resumable: false }, { newHandle: expect.any(String), resumable: true }]);
    expect(double.received().connections[0]?.lastResumableHandle).toBe(updates[1]?.newHandle);

    const content = live.messages.map((message) => message.serverContent);
    expect(joined(content.map((c) => c?.inputTranscription?.text))).toBe(DEFAULT_INPUT_TRANSCRIPT);
    expect(joined(content.map((c) => c?.outputTranscription?.text))).toBe(DEFAULT_REPLY_TEXT);
    const audio = content.flatMap((c) => c?.modelTurn?.parts ?? []).map((part) => part.inlineData);
    expect(audio.length).toBe(5);
    expect(audio.every((blob) => blob?.mimeType === "audio/pcm;rate=24000")).toBe(true);
    const bytes = audio.reduce((sum, blob) => sum + Buffer.from(blob?.data ?? "", "base64").length, 0);
    expect(bytes).toBe(24_000 * 2);

    const usage = live.messages.find((message) => message.usageMetadata)?.usageMetadata;
    expect(usage?.responseTokenCount).toBe(32);
    expect(usage?.totalTokenCount).toBe((usage?.promptTokenCount ?? 0) + 32);
    expect(usage?.responseTokensDetails).toEqual([{ modality: "AUDIO", tokenCount: 32 }]);
    // ~4.7 s of audio up to the end of speech, at 32 tokens a second; no system instruction.
    expect(usage?.promptTokensDetails?.[0]).toEqual({ modality: "TEXT", tokenCount: 0 });
    const audioTokens = usage?.promptTokensDetails?.find((detail) => detail.modality === "AUDIO")?.tokenCount;
    expect(audioTokens).toBeGreaterThan(120);
    expect(audioTokens).toBeLessThan(200);

    const record = double.received().connections[0];
    expect(record).toMatchObject({ auth: "token", model: `models/${LIVE_MODEL}`, turnsCompleted: 1, interruptions: 0 });
    expect(record?.audioChunks).toBe(Math.ceil(speechPcm().length / 1280));
    expect(record?.audioBytes).toBe(speechPcm().length);
    expect(record?.audioMimeTypes).toEqual(["audio/pcm;rate=16000"]);
    expect(record?.setup?.inputAudioTranscription).toEqual({});
  });

  it("does not answer before 600 ms of quiet have arrived", async () => {
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    const speech = speechPcm();
    let lastVoiced = speech.length / 2 - 1;
    while (lastVoiced > 0 && Math.abs(speech.readInt16LE(lastVoiced * 2)) < 300) lastVoiced -= 1;
    // The sentence up to its last audible sample, then just 400 ms of quiet.
    sendAudio(live.session, speech.subarray(0, (lastVoiced + 1) * 2));
    sendAudio(live.session, silencePcm(400));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.messages.filter((message) => message.serverContent)).toEqual([]);
    sendAudio(live.session, silencePcm(300));
    await live.waitFor((message) => message.serverContent?.inputTranscription !== undefined);
    live.session.close();
    expect(double.received().connections[0]?.auth).toBe("key");
  });

  it("lateInputFragments: the transcript's last fragment arrives after the answer's first audio", async () => {
    double.setScript({ ...FAST, lateInputFragments: 1 });
    const live = await connect(client(await mintToken(), double.url));
    sendAudio(live.session, speechPcm());
    await live.waitFor((message) => message.serverContent?.turnComplete === true);
    live.session.close();
    const sequence = live.messages.flatMap(kinds).filter((kind, i, all) => kind !== all[i - 1]);
    expect(sequence.slice(0, 6)).toEqual(["setupComplete", "inputTranscription", "sessionResumptionUpdate", "audio", "outputTranscription", "inputTranscription"]);
    const heard = live.messages.map((message) => message.serverContent?.inputTranscription?.text);
    expect(joined(heard)).toBe(DEFAULT_INPUT_TRANSCRIPT);
  });

  it("speech during the answer interrupts it: no more audio, interrupted, no turnComplete", async () => {
    double.setScript({ ...FAST, pace: 1, replyAudioMs: 5000 });
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    sendAudio(live.session, speechPcm());
    await live.waitFor((message) => message.serverContent?.modelTurn !== undefined);
    sendAudio(live.session, speechPcm().subarray(16_000, 48_000));
    await live.waitFor((message) => message.serverContent?.interrupted === true);
    const at = live.messages.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    live.session.close();
    const after = live.messages.slice(at).flatMap(kinds);
    expect(after).not.toContain("audio");
    expect(after).not.toContain("turnComplete");
    expect(live.messages.flatMap(kinds).filter((kind) => kind === "audio").length).toBeLessThan(25);
    expect(double.received().connections[0]).toMatchObject({ interruptions: 1, turnsCompleted: 0 });
  });

  it("keeps real-time pace however small its chunks: a 2 s answer in 10 ms chunks lasts about 2 s, not 2 s plus each timer's lateness", async () => {
    double.setScript({ ...FAST, pace: 1, replyAudioMs: 2000, chunkMs: 10 });
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    sendAudio(live.session, speechPcm());
    await live.waitFor((message) => message.serverContent?.turnComplete === true, 20_000);
    live.session.close();
    const audioAt = live.messages.flatMap((message, index) => (message.serverContent?.modelTurn ? [live.arrivals[index]!] : []));
    expect(audioAt).toHaveLength(200);
    // The last chunk is sent when 1,990 ms of audio have been sent, give or take one late timer.
    const spanMs = audioAt.at(-1)! - audioAt[0]!;
    expect(spanMs).toBeGreaterThan(1_950);
    expect(spanMs).toBeLessThan(2_080);
  });

  it("typed text (realtimeInput.text and clientContent) gets an answer without input transcription", async () => {
    double.setScript({ ...FAST, turns: [{ replyText: "First answer." }, { replyText: "Second answer." }] });
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    live.session.sendRealtimeInput({ text: "Hello there" });
    await live.waitFor((message) => message.serverContent?.turnComplete === true);
    live.session.sendClientContent({ turns: "What is on my desk?" });
    await live.waitFor((message) => message.usageMetadata !== undefined && (message.usageMetadata.promptTokenCount ?? 0) > 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    live.session.close();
    const content = live.messages.map((message) => message.serverContent);
    expect(content.some((c) => c?.inputTranscription)).toBe(false);
    expect(joined(content.map((c) => c?.outputTranscription?.text))).toBe("First answer.Second answer.");
    expect(double.received().totals.texts).toEqual(["Hello there", "What is on my desk?"]);
    expect(double.received().totals.clientContents).toBe(1);
  });

  it("records video frames, legacy mediaChunks and audioStreamEnd", async () => {
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9]).toString("base64");
    live.session.sendRealtimeInput({ video: { data: jpeg, mimeType: "image/jpeg" } });
    live.session.sendRealtimeInput({ media: { data: jpeg, mimeType: "image/jpeg" } });
    live.session.sendRealtimeInput({ media: { data: silencePcm(40).toString("base64"), mimeType: "audio/pcm;rate=16000" } });
    live.session.sendRealtimeInput({ audioStreamEnd: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    live.session.close();
    expect(double.received().connections[0]).toMatchObject({
      videoFrames: 2, videoBytes: 16, videoMimeTypes: ["image/jpeg"], audioChunks: 1, legacyMediaChunks: 1, audioStreamEnds: 1, audioMs: 40,
    });
  });

  it("goAway after the scripted turn, then a reconnect with the handle continues the conversation", async () => {
    double.setScript({ ...FAST, goAwayAfterTurns: 1, goAwayCloseDelayMs: 100, turns: [{ replyText: "One." }, { replyText: "Two." }] });
    const first = await connect(client(await mintToken(), double.url));
    sendAudio(first.session, speechPcm());
    const update = await first.waitFor((message) => message.sessionResumptionUpdate?.resumable === true);
    expect(update.sessionResumptionUpdate).toMatchObject({ resumable: true });
    const goAway = await first.waitFor((message) => message.goAway !== undefined);
    expect(goAway.goAway?.timeLeft).toBe("5s");
    expect((await first.closed).code).toBe(1000);

    const handle = update.sessionResumptionUpdate?.newHandle ?? "";
    const second = await connect(client(await mintToken(), double.url), { ...LIVE_CONFIG, sessionResumption: { handle } });
    sendAudio(second.session, speechPcm());
    await second.waitFor((message) => message.serverContent?.turnComplete === true);
    second.session.close();
    const reply = joined(second.messages.map((message) => message.serverContent?.outputTranscription?.text));
    expect(reply).toBe("Two.");
    const [a, b] = double.received().connections;
    expect(b?.conversationId).toBe(a?.conversationId);
    expect(b?.resumedFromHandle).toBe(handle);
    expect(b?.setup?.sessionResumption).toEqual({ handle });
  });

  it("streams model audio in chunks of 25–62 ms that vary, as binary frames", async () => {
    double.setScript({ ...FAST, chunkMs: undefined });
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    const frames: boolean[] = [];
    const ws = (live.session as unknown as { conn: { ws: { on: (event: string, fn: (data: unknown, binary: boolean) => void) => void } } }).conn.ws;
    ws.on("message", (_data, binary) => frames.push(binary));
    sendAudio(live.session, speechPcm());
    await live.waitFor((message) => message.serverContent?.turnComplete === true);
    live.session.close();
    const lengths = live.messages
      .flatMap((message) => message.serverContent?.modelTurn?.parts ?? [])
      .map((part) => Buffer.from(part.inlineData?.data ?? "", "base64").length / 48);
    expect(lengths.reduce((sum, ms) => sum + ms, 0)).toBe(1000);
    expect(lengths.slice(0, -1).every((ms) => ms >= 25 && ms <= 62)).toBe(true);
    expect(new Set(lengths).size).toBeGreaterThan(3);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every(Boolean)).toBe(true);
  });

  it("goAway in the middle of an answer: the answer still completes on that connection, which closes when timeLeft runs out", async () => {
    double.setScript({ ...FAST, pace: 1, replyAudioMs: 1200, goAwayDuringAnswer: { turn: 0, afterMs: 300 }, goAwayTimeLeft: "2s" });
    const live = await connect(client(await mintToken(), double.url));
    sendAudio(live.session, speechPcm());
    await live.waitFor((message) => message.goAway !== undefined);
    const at = live.messages.findIndex((message) => message.goAway);
    expect(live.messages.slice(0, at).some((message) => message.serverContent?.modelTurn)).toBe(true);
    expect(live.messages.slice(0, at).some((message) => message.serverContent?.turnComplete)).toBe(false);
    await live.waitFor((message) => message.sessionResumptionUpdate?.resumable === true);
    const closed = await live.closed;
    expect(closed.code).toBe(1000);
    const after = live.messages.slice(at + 1).flatMap(kinds);
    expect(after).toContain("audio");
    expect(after).toContain("turnComplete");
    expect(double.received().connections[0]).toMatchObject({ goAwaysSent: 1, turnsCompleted: 1, closedBy: "double" });
  });

  it("closes with 1008 for a reused token and refuses a constrained token's other model", async () => {
    const token = await mintToken();
    const ok = await connect(client(token, double.url));
    ok.session.close();
    await expect(connect(client(token, double.url))).rejects.toThrow(/code 1008.*used too many times/);
    await expect(connect(client("auth_tokens/unknown", double.url))).rejects.toThrow(/code 1008/);
    const other = client(await mintToken(), double.url);
    await expect(
      other.live.connect({ model: "gemini-2.5-flash-lite", config: LIVE_CONFIG, callbacks: { onmessage: () => {} } }),
    ).rejects.toThrow(/code 1008/);
  });

  it("closes with 1007 for a bad key, and with the scripted code after a turn", async () => {
    await expect(connect(client("AIzaSyNotARealKeyAtAll-000000000000000", double.url))).rejects.toThrow(
      /code 1007\): API key not valid/,
    );
    double.setScript({ ...FAST, closeWith: { code: 1011, reason: "Internal error encountered.", afterTurns: 1 } });
    const live = await connect(client(TEST_GEMINI_KEY, double.url));
    sendAudio(live.session, speechPcm());
    expect(await live.closed).toEqual({ code: 1011, reason: "Internal error encountered." });
    expect(live.messages.some((message) => message.serverContent?.turnComplete)).toBe(true);
  });
});
