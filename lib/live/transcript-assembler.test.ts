import { describe, expect, it } from "vitest";
import type { LiveTurnView } from "./contract";
import { LATE_INPUT_MS, TranscriptAssembler, USAGE_GRACE_MS, type ClosedTurn } from "./transcript-assembler";

function setup(sessionStart = 1000) {
  const closed: ClosedTurn[] = [];
  let views: LiveTurnView[] = [];
  const assembler = new TranscriptAssembler(sessionStart, {
    onTurnClosed: (turn) => closed.push(turn),
    onViewsChanged: (next) => (views = next),
  });
  return { assembler, closed, views: () => views };
}

describe("TranscriptAssembler", () => {
  it("joins fragments into one user turn and one model turn, with offsets and latency", () => {
    const { assembler, closed, views } = setup(1000);
    assembler.userSpeech(1900);
    assembler.inputTranscription("Hello ", 2000);
    assembler.inputTranscription("there.", 2300);
    assembler.userSpeech(2400);
    expect(views()).toEqual([{ id: "user-0", sender: "user", text: "Hello there.", final: false, interrupted: false, latencyMs: null }]);

    assembler.modelAudio(3100);
    // Held for late fragments until the answer closes.
    expect(closed).toHaveLength(0);
    assembler.outputTranscription("Hi! ", 3150);
    assembler.modelAudio(3200);
    assembler.outputTranscription("How are you?", 3300);
    assembler.usage({ promptTokenCount: 120, responseTokenCount: 45 });
    assembler.turnComplete(4000);

    expect(closed[0]).toEqual({
      // The line starts where the voice did (1900), not where its transcription arrived.
      sender: "user", text: "Hello there.", startOffsetMs: 900, endOffsetMs: 2100,
      latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null,
    });

    expect(closed[1]).toEqual({
      sender: "model", text: "Hi! How are you?", startOffsetMs: 2100, endOffsetMs: 3000,
      latencyMs: 700, interrupted: false, inputTokens: 120, outputTokens: 45,
    });
    expect(views().map((v) => [v.id, v.final, v.latencyMs])).toEqual([["user-0", true, null], ["model-1", true, 700]]);
  });

  it("handles input and output transcription arriving in one message (input first)", () => {
    const { assembler, closed } = setup(0);
    assembler.inputTranscription("What time is it?", 500);
    assembler.outputTranscription("It is noon.", 500);
    assembler.modelAudio(520);
    assembler.turnComplete(900);
    assembler.usage({ promptTokenCount: 30, responseTokenCount: 8 });
    expect(closed.map((t) => [t.sender, t.text])).toEqual([["user", "What time is it?"], ["model", "It is noon."]]);
    expect(closed[1]).toMatchObject({ latencyMs: 20, inputTokens: 30, outputTokens: 8 });
  });

  it("holds a finished model turn for the usage that follows turnComplete, but not forever", () => {
    const { assembler, closed } = setup(0);
    assembler.inputTranscription("One", 100);
    assembler.modelAudio(300);
    assembler.turnComplete(1000);
    expect(closed.map((t) => t.sender)).toEqual(["user"]);
    assembler.tick(1000 + USAGE_GRACE_MS - 1);
    expect(closed).toHaveLength(1);
    assembler.tick(1000 + USAGE_GRACE_MS);
    expect(closed[1]).toMatchObject({ sender: "model", inputTokens: null, outputTokens: null, endOffsetMs: 1000 });

    // Usage seen before turnComplete: nothing to wait for.
    assembler.modelAudio(3000);
    assembler.usage({ promptTokenCount: 1, responseTokenCount: 2 });
    assembler.turnComplete(3100);
    expect(closed[2]).toMatchObject({ sender: "model", inputTokens: 1, outputTokens: 2 });
  });

  it("starts a spoken turn at the first voice after a pause, not at an earlier cough", () => {
    const { assembler, closed } = setup(0);
    assembler.userSpeech(100);
    assembler.userSpeech(5000);
    assembler.userSpeech(5040);
    assembler.userSpeech(5700);
    assembler.inputTranscription("What time is it", 6200);
    assembler.modelAudio(7000);
    assembler.outputTranscription("Noon.", 7000);
    assembler.turnComplete(7500);
    // The next utterance: its voice starts after the model's answer, and so does its turn.
    assembler.userSpeech(9000);
    assembler.inputTranscription("Thanks", 9600);
    assembler.flush(9800);
    expect(closed.map((turn) => [turn.sender, turn.startOffsetMs])).toEqual([["user", 5000], ["model", 7000], ["user", 9000]]);
  });

  it("never starts a spoken turn before the turn ahead of it", () => {
    const { assembler, closed } = setup(0);
    assembler.userText("Hello", 100);
    // A murmur while the answer to the typed line is on its way, transcribed during that answer.
    assembler.userSpeech(800);
    assembler.modelAudio(1000);
    assembler.outputTranscription("Hi there.", 1000);
    assembler.inputTranscription("um", 1500);
    assembler.turnComplete(2000);
    assembler.flush(2100);
    expect(closed.map((turn) => [turn.sender, turn.startOffsetMs])).toEqual([["user", 100], ["model", 1000], ["user", 1000]]);
  });

  it("closes the model turn as interrupted; the barge-in speech becomes the next user turn", () => {
    const { assembler, closed, views } = setup(0);
    assembler.inputTranscription("Tell me a story", 100);
    assembler.modelAudio(600);
    assembler.outputTranscription("Once upon a time", 700);
    assembler.userSpeech(850);
    assembler.inputTranscription("Stop", 900);
    assembler.interrupted(950, 320);
    assembler.turnComplete(960);
    assembler.usage({ promptTokenCount: 10, responseTokenCount: 5 });
    expect(closed.map((t) => [t.sender, t.text, t.interrupted])).toEqual([
      ["user", "Tell me a story", false],
      ["model", "Once upon a time", true],
    ]);
    expect(closed[1]).toMatchObject({ heardMs: 320, inputTokens: 10, outputTokens: 5 });
    assembler.modelAudio(1400);
    assembler.outputTranscription("Sure.", 1400);
    assembler.turnComplete(1500);
    assembler.flush(1600);
    expect(closed.map((t) => [t.sender, t.text])).toEqual([
      ["user", "Tell me a story"], ["model", "Once upon a time"], ["user", "Stop"], ["model", "Sure."],
    ]);
    expect(closed[3]).toMatchObject({ latencyMs: 500, inputTokens: null });
    expect(closed[3]).not.toHaveProperty("heardMs");
    expect(views().find((v) => v.id === "model-1")).toMatchObject({ interrupted: true, final: true });
  });

  it("a fragment arriving just after the answer began, with no new voice, completes the user's turn", () => {
    const { assembler, closed, views } = setup(0);
    assembler.userSpeech(100);
    assembler.inputTranscription("How are", 400);
    assembler.userSpeech(500);
    assembler.modelAudio(900);
    assembler.inputTranscription(" you?", 1000);
    expect(closed).toHaveLength(0);
    expect(views().map((v) => [v.sender, v.text, v.final])).toEqual([["user", "How are you?", true], ["model", "", false]]);
    assembler.tick(900 + LATE_INPUT_MS + 1);
    expect(closed).toEqual([expect.objectContaining({ sender: "user", text: "How are you?", startOffsetMs: 100, endOffsetMs: 900 })]);
    assembler.inputTranscription("later", 900 + LATE_INPUT_MS + 50);
    assembler.turnComplete(4000);
    assembler.flush(4100);
    expect(closed.map((t) => [t.sender, t.text])).toEqual([["user", "How are you?"], ["model", ""], ["user", "later"]]);
  });

  it("the user's turn reaches the queue before an answer that closes inside the late window", () => {
    const { assembler, closed } = setup(0);
    assembler.inputTranscription("Hi", 100);
    assembler.modelAudio(300);
    assembler.inputTranscription(" there", 350);
    assembler.usage({ responseTokenCount: 3 });
    assembler.turnComplete(600);
    expect(closed.map((t) => [t.sender, t.text])).toEqual([["user", "Hi there"], ["model", ""]]);
  });

  it("a fragment after a new utterance in the mic is a barge-in, not a late fragment", () => {
    const { assembler, closed } = setup(0);
    assembler.userSpeech(100);
    assembler.inputTranscription("Tell me", 200);
    assembler.modelAudio(1000);
    assembler.userSpeech(1500);
    assembler.inputTranscription("wait", 1600);
    expect(closed.map((t) => [t.sender, t.text])).toEqual([["user", "Tell me"]]);
    assembler.interrupted(1700, 500);
    assembler.flush(1800);
    expect(closed.map((t) => [t.sender, t.text])).toEqual([["user", "Tell me"], ["model", ""], ["user", "wait"]]);
  });

  it("a held-back model turn still reaches the queue before the next user turn", () => {
    const { assembler, closed } = setup(0);
    assembler.modelAudio(10);
    assembler.turnComplete(20);
    assembler.userText("next", 30);
    expect(closed.map((t) => t.sender)).toEqual(["model", "user"]);
  });

  it("a typed message is a user turn of its own and starts the latency clock", () => {
    const { assembler, closed } = setup(0);
    assembler.userText("Hi in text", 200);
    expect(closed).toEqual([expect.objectContaining({ sender: "user", text: "Hi in text", startOffsetMs: 200, endOffsetMs: 200 })]);
    assembler.modelAudio(450);
    assembler.turnComplete(600);
    assembler.flush(700);
    expect(closed[1]!.latencyMs).toBe(250);
  });

  it("ignores turnComplete with nothing open and flushes open turns at the end", () => {
    const { assembler, closed } = setup(0);
    assembler.turnComplete(10);
    assembler.inputTranscription("anyone there?", 50);
    assembler.turnComplete(60);
    expect(closed).toHaveLength(0);
    assembler.flush(100);
    expect(closed).toEqual([expect.objectContaining({ sender: "user", text: "anyone there?", endOffsetMs: 100 })]);
    assembler.flush(200);
    expect(closed).toHaveLength(1);
  });

  it("keeps earlier view objects untouched (immutable updates for React)", () => {
    const { assembler, views } = setup(0);
    assembler.inputTranscription("a", 1);
    const before = views();
    const firstView = before[0];
    assembler.inputTranscription("b", 2);
    expect(views()).not.toBe(before);
    expect(firstView!.text).toBe("a");
    expect(views()[0]!.text).toBe("ab");
  });
});
