import { describe, expect, it } from "vitest";
import { fadesIn, fadesOut, fakePlaybackContext } from "@/e2e/bench/playback-sim";
import { bytesToBase64 } from "./audio/base64";
import { pcm16ToBytes } from "./audio/pcm16";
import { AudioPlayer } from "./audio-player";
import { PlaybackScheduler } from "./playback-scheduler";

const startOf = (s: PlaybackScheduler, now: number, duration: number) => s.schedule(now, duration).start;

describe("PlaybackScheduler", () => {
  it("places chunks back to back after a short wait, with no gaps", () => {
    const s = new PlaybackScheduler(0.02);
    s.nextTurn();
    expect(s.schedule(1, 0.1)).toEqual({ start: 1.02, afterGap: true, added: 0 });
    expect(s.schedule(1.01, 0.1)).toEqual({ start: expect.closeTo(1.12, 9), afterGap: false, added: 0 });
    expect(startOf(s, 1.2, 0.1)).toBeCloseTo(1.22, 9);
    expect(s.scheduledSeconds).toBeCloseTo(0.3, 9);
  });

  it("waits at most 30 ms before a first sound and builds the rest of the buffer by lengthening", () => {
    const s = new PlaybackScheduler(0.05);
    s.nextTurn();
    const asked: number[] = [];
    const first = s.schedule(1, 0.1, (seconds) => (asked.push(seconds), 0.015));
    expect(first).toEqual({ start: 1.03, afterGap: true, added: 0.015 });
    // The next chunk may come 50 ms late (at 1.15): 20 ms of buffer were missing after the wait.
    expect(asked[0]).toBeCloseTo(0.02, 9);
    const second = s.schedule(1.1, 0.1, (seconds) => (asked.push(seconds), seconds));
    expect(second.start).toBeCloseTo(1.145, 9);
    expect(asked[1]).toBeCloseTo(0.005, 9);
    // Built: nothing more is asked for.
    s.schedule(1.2, 0.1, (seconds) => (asked.push(seconds), seconds));
    expect(asked).toHaveLength(2);
    // Heard time counts the model's audio, not the lengthened playout.
    expect(s.heardTotal(10)).toBeCloseTo(0.3, 9);
  });

  it("after an underrun plays the late chunk at once and rebuilds the buffer by lengthening", () => {
    const s = new PlaybackScheduler(0.04);
    s.schedule(0, 0.1);
    const asked: number[] = [];
    expect(s.schedule(0.5, 0.1, (seconds) => (asked.push(seconds), seconds))).toEqual({ start: 0.5, afterGap: true, added: expect.closeTo(0.03, 9) });
    expect(asked[0]).toBeCloseTo(0.03, 9);
    expect(s.heardTotal(0.6)).toBeCloseTo(0.1 + 0.1 / 1.3, 9);
  });

  it("counts heard audio per turn and across turns", () => {
    const s = new PlaybackScheduler(0);
    s.nextTurn();
    s.schedule(0, 0.5);
    s.nextTurn();
    s.schedule(1, 0.5);
    expect(s.heardInTurn(1.2)).toBeCloseTo(0.2, 9);
    expect(s.heardTotal(1.2)).toBeCloseTo(0.7, 9);
  });

  it("interrupt stops at that instant: reports what was heard, unschedules the rest", () => {
    const s = new PlaybackScheduler(0);
    s.nextTurn();
    s.schedule(0, 0.2);
    s.schedule(0, 0.2);
    s.schedule(0, 0.2);
    expect(s.interrupt(0.25)).toBeCloseTo(0.25, 9);
    expect(s.scheduledSeconds).toBeCloseTo(0.25, 9);
    expect(s.heardTotal(5)).toBeCloseTo(0.25, 9);
    expect(s.bufferedAhead(0.25)).toBe(0);
    expect(startOf(s, 0.3, 0.1)).toBeCloseTo(0.3, 9);
  });
});

/** 30 ms: the whole buffer is the wait, so no chunk is lengthened unless a test asks for more. */
function fakeContext(jitterMs = 30) {
  const { context, sources, playback } = fakePlaybackContext();
  return { context, sources, player: new AudioPlayer(playback, { jitterMs }) };
}

const chunk = (ms: number, value = 0.5) => bytesToBase64(pcm16ToBytes(new Int16Array((24 * ms) | 0).fill(Math.round(value * 0x7fff))));

describe("AudioPlayer", () => {
  it("decodes 24 kHz PCM16 and schedules chunks gap-free", () => {
    const { context, sources, player } = fakeContext(40);
    context.currentTime = 2;
    player.enqueue(chunk(100));
    player.enqueue(chunk(100));
    // 30 ms of wait, and the first chunk lengthened by 10 ms to make up the 40 ms buffer.
    expect(sources.map((s) => s.startedAt)).toEqual([2.03, expect.closeTo(2.14, 9)]);
    expect(sources[0]!.buffer?.duration).toBeCloseTo(0.11, 9);
    expect(player.counters()).toEqual({ audioChunksReceived: 2, scheduledMs: 200, playedMs: 0 });
    context.currentTime = 2.19;
    expect(player.counters().playedMs).toBe(150);
  });

  it("interrupt() stops every queued source and reports the ms heard of this turn", () => {
    const { context, sources, player } = fakeContext();
    player.enqueue(chunk(200));
    player.enqueue(chunk(200));
    context.currentTime = 0.13;
    expect(player.interrupt()).toBe(100);
    expect(sources.every((s) => s.stopped)).toBe(true);
    expect(player.counters()).toMatchObject({ scheduledMs: 100, playedMs: 100 });
    expect(player.isPlaying).toBe(false);
  });

  it("counts heard audio of the new turn only after endTurn()", () => {
    const { context, player } = fakeContext();
    player.enqueue(chunk(100));
    player.endTurn();
    context.currentTime = 1;
    player.enqueue(chunk(100));
    context.currentTime = 1.08;
    expect(player.heardInTurnMs()).toBe(50);
    expect(player.counters().playedMs).toBe(150);
  });

  it("keeps a chunk's fade-out only when nothing follows it in time; fades in after a gap", () => {
    const { context, sources, player } = fakeContext();
    player.enqueue(chunk(100));
    context.currentTime = 0.05;
    player.enqueue(chunk(100));
    context.currentTime = 0.5;
    player.enqueue(chunk(100));
    expect(sources.map((s) => [fadesIn(s), fadesOut(s)])).toEqual([[true, false], [false, true], [true, true]]);
  });

  it("a fade-out already under way is not called off (that would click): the next chunk fades in", () => {
    const { context, sources, player } = fakeContext();
    player.enqueue(chunk(100));
    context.currentTime = 0.129;
    player.enqueue(chunk(100));
    expect(sources[1]!.startedAt).toBeCloseTo(0.13, 9);
    expect(sources.map((s) => [fadesIn(s), fadesOut(s)])).toEqual([[true, true], [true, true]]);
  });

  it("a very short chunk followed in time keeps its fade-in (it would otherwise stay silent)", () => {
    const { sources, player } = fakeContext();
    player.enqueue(chunk(5));
    player.enqueue(chunk(100));
    expect(sources[0]!.gain?.events.map((e) => [e.kind, e.value])).toEqual([["set", 0], ["ramp", 1]]);
  });

  it("barge-in stops every source at once, fades or not", () => {
    const { context, sources, player } = fakeContext();
    player.enqueue(chunk(100));
    player.enqueue(chunk(100));
    context.currentTime = 0.1;
    player.interrupt();
    expect(sources.every((s) => s.stopped)).toBe(true);
    expect(player.isPlaying).toBe(false);
  });
});
