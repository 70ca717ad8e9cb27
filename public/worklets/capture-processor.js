// @ts-check
/*
 * AudioWorklet processor: runs at the AudioContext's native rate and posts 16 kHz PCM16 chunks
 * (20 ms) with their RMS level to the main thread. Messages in: { type: "muted", value }.
 * Messages out: { type: "chunk", pcm: ArrayBuffer (transferred), rms: number }.
 */
import { CaptureChunker } from "./capture-core.js";

/**
 * @typedef {{ readonly port: MessagePort }} ProcessorBase
 * @typedef {{
 *   AudioWorkletProcessor: new () => ProcessorBase,
 *   registerProcessor: (name: string, processor: new () => ProcessorBase & { process(inputs: Float32Array[][]): boolean }) => void,
 *   sampleRate: number,
 * }} WorkletScope
 */
const scope = /** @type {WorkletScope} */ (/** @type {unknown} */ (globalThis));

class CaptureProcessor extends scope.AudioWorkletProcessor {
  constructor() {
    super();
    this.chunker = new CaptureChunker(scope.sampleRate);
    this.muted = false;
    this.port.onmessage = (event) => {
      if (event.data?.type !== "muted") return;
      this.muted = Boolean(event.data.value);
      // Audio from before a mute must not be glued to audio after it.
      this.chunker.reset();
    };
  }

  /** @param {Float32Array[][]} inputs */
  process(inputs) {
    const channel = inputs[0]?.[0];
    if (!channel || this.muted) return true;
    for (const chunk of this.chunker.push(channel)) {
      this.port.postMessage({ type: "chunk", pcm: chunk.pcm, rms: chunk.rms }, [chunk.pcm]);
    }
    return true;
  }
}

scope.registerProcessor("capture-processor", CaptureProcessor);
