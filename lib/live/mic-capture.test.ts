import { describe, expect, it } from "vitest";
import { base64ToBytes } from "./audio/base64";
import { MESSAGES } from "./live-errors";
import { MicCapture, type MicChunk } from "./mic-capture";

function fakeNode() {
  const posted: unknown[] = [];
  const port = { onmessage: null as ((e: MessageEvent) => void) | null, postMessage: (m: unknown) => posted.push(m) };
  const node = { port, connect: () => {}, disconnect: () => {} };
  return { node: node as unknown as AudioWorkletNode, posted, deliver: (data: unknown) => port.onmessage?.({ data } as MessageEvent) };
}

function setup(getUserMedia?: () => Promise<MediaStream>) {
  const fake = fakeNode();
  const track = { enabled: true, stopped: false, stop() { this.stopped = true; } };
  const stream = { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
  const context = { createMediaStreamSource: () => ({ connect: () => {}, disconnect: () => {} }), destination: {} } as unknown as AudioContext;
  const chunks: MicChunk[] = [];
  const levels: number[] = [];
  let streamEnds = 0;
  const mic = new MicCapture(
    context,
    { onChunk: (c) => chunks.push(c), onLevel: (l) => levels.push(l), onStreamEnd: () => (streamEnds += 1) },
    { getUserMedia: getUserMedia ?? (async () => stream), createNode: () => fake.node },
  );
  return { mic, fake, track, chunks, levels, streamEnds: () => streamEnds };
}

const pcm = (samples: number[]) => new Int16Array(samples).buffer;

describe("MicCapture", () => {
  it("turns worklet chunks into base64 PCM16 with duration, level and voice flag", async () => {
    const { mic, fake, chunks, levels } = setup();
    await mic.start();
    fake.deliver({ type: "chunk", pcm: pcm(new Array(640).fill(1000)), rms: 0.2 });
    fake.deliver({ type: "chunk", pcm: pcm(new Array(320).fill(0)), rms: 0.001 });
    expect(chunks.map((c) => [c.mimeType, c.durationMs, c.voiced])).toEqual([["audio/pcm;rate=16000", 40, true], ["audio/pcm;rate=16000", 20, false]]);
    const bytes = base64ToBytes(chunks[0]!.data);
    expect(bytes.length).toBe(1280);
    expect(new DataView(bytes.buffer).getInt16(0, true)).toBe(1000);
    expect(levels).toEqual([0.2, 0.001]);
  });

  it("mute stops sending, tells the worklet, disables the track and ends the audio stream once", async () => {
    const { mic, fake, track, chunks, streamEnds } = setup();
    await mic.start();
    mic.setMuted(true);
    mic.setMuted(true);
    fake.deliver({ type: "chunk", pcm: pcm([1, 2]), rms: 0.5 });
    expect(chunks).toHaveLength(0);
    expect(streamEnds()).toBe(1);
    expect(track.enabled).toBe(false);
    expect(fake.posted).toEqual([{ type: "muted", value: false }, { type: "muted", value: true }]);
    mic.setMuted(false);
    fake.deliver({ type: "chunk", pcm: pcm([1, 2]), rms: 0.5 });
    expect(chunks).toHaveLength(1);
  });

  it("reports a refused permission as a sentence the page can show", async () => {
    const denied = Object.assign(new Error("Permission denied"), { name: "NotAllowedError" });
    const { mic } = setup(async () => Promise.reject(denied));
    await expect(mic.start()).rejects.toThrow(MESSAGES.micDenied);
    expect(mic.active).toBe(false);
  });
});
