import { describe, expect, it } from "vitest";
import { splitTranscript, synthesizeReply } from "./audio-synth";
import { silencePcm, speechPcm } from "./test-support";
import { EnergyVad } from "./vad";

function tone(ms: number, rate = 16_000, amplitude = 0.3): Buffer {
  const samples = Math.round((ms * rate) / 1000);
  const out = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 220 * i) / rate) * amplitude * 32767), i * 2);
  return out;
}

describe("energy VAD (time in received samples)", () => {
  it("ends an utterance after exactly the configured quiet", () => {
    const vad = new EnergyVad({ silenceMs: 600 });
    expect(vad.push(tone(300), 16_000)).toEqual(["speechStart"]);
    expect(vad.push(silencePcm(580), 16_000)).toEqual([]);
    expect(vad.push(silencePcm(20), 16_000)).toEqual(["speechEnd"]);
    expect(vad.receivedMs).toBe(900);
  });

  it("ignores a click shorter than the minimum speech time, and honours the sample rate", () => {
    const vad = new EnergyVad();
    expect(vad.push(tone(40, 48_000), 48_000)).toEqual([]);
    expect(vad.push(silencePcm(1000, 48_000), 48_000)).toEqual([]);
    expect(vad.receivedMs).toBeCloseTo(1040);
  });

  it("hears the test WAV as exactly one utterance per loop", () => {
    const vad = new EnergyVad();
    const loop = speechPcm();
    const events = [...vad.push(loop, 16_000), ...vad.push(loop, 16_000)];
    expect(events).toEqual(["speechStart", "speechEnd", "speechStart", "speechEnd"]);
  });

  it("flush ends speech in progress (audioStreamEnd)", () => {
    const vad = new EnergyVad();
    vad.push(tone(200), 16_000);
    expect(vad.flush()).toEqual(["speechEnd"]);
    expect(vad.flush()).toEqual([]);
  });
});

describe("reply synthesis", () => {
  it("splits transcripts at word boundaries without losing a character", () => {
    const text = "Hi there! I can see you on your camera.";
    for (const parts of [1, 3, 5, 40]) {
      const fragments = splitTranscript(text, parts);
      expect(fragments.join("")).toBe(text);
      expect(fragments.length).toBe(Math.min(parts, 9));
    }
  });

  it("makes audible 24 kHz PCM16 of the asked length", () => {
    const pcm = synthesizeReply(500);
    expect(pcm.length).toBe(24_000);
    let peak = 0;
    for (let i = 0; i < pcm.length / 2; i += 1) peak = Math.max(peak, Math.abs(pcm.readInt16LE(i * 2)));
    expect(peak).toBeGreaterThan(3000);
    expect(peak).toBeLessThan(32767);
  });
});
