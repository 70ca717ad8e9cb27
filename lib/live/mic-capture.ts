import { bytesToBase64 } from "./audio/base64";
import { describeMicError } from "./live-errors";

export const CAPTURE_WORKLET_URL = "/worklets/capture-processor.js";
export const CAPTURE_MIME_TYPE = "audio/pcm;rate=16000";
/** RMS above this (about −40 dBFS) counts as the user speaking, for response latency. */
export const VOICE_RMS = 0.01;

export interface MicChunk {
  /** base64 of 16 kHz PCM16 little-endian, 20 ms (CHUNK_SAMPLES in the worklet). */
  data: string;
  mimeType: typeof CAPTURE_MIME_TYPE;
  durationMs: number;
  rms: number;
  voiced: boolean;
}

export interface MicCaptureEvents {
  onChunk: (chunk: MicChunk) => void;
  /** 0..1; 0 while muted. */
  onLevel: (level: number) => void;
  /** Sent once when the mic is muted: the client forwards it as `audioStreamEnd`. */
  onStreamEnd: () => void;
  /** The microphone's node in the context, each time the mic starts (the recorder mixes it in). */
  onSource?: (source: AudioNode) => void;
}

/** What the class needs from the browser; the defaults are the real APIs. */
export interface MicDeps {
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  createNode?: (context: AudioContext) => AudioWorkletNode;
}

/**
 * Microphone → AudioWorklet (public/worklets/capture-processor.js) at the context's native
 * rate → 16 kHz PCM16 chunks, base64-encoded here on the main thread.
 */
export class MicCapture {
  private stream: MediaStream | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private node: AudioWorkletNode | null = null;
  private mutedFlag = false;

  constructor(
    private readonly context: AudioContext,
    private readonly events: MicCaptureEvents,
    private readonly deps: MicDeps = {},
  ) {}

  get active(): boolean {
    return this.node !== null;
  }

  get muted(): boolean {
    return this.mutedFlag;
  }

  /** Throws an Error whose message is a human sentence (permission refused, no microphone…). */
  async start(): Promise<void> {
    if (this.node) return;
    const getUserMedia = this.deps.getUserMedia ?? ((c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c));
    try {
      this.stream = await getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        video: false,
      });
    } catch (error) {
      throw new Error(describeMicError(error), { cause: error });
    }
    const node = this.deps.createNode ? this.deps.createNode(this.context) : await this.createWorkletNode();
    node.port.onmessage = (event: MessageEvent<{ type: string; pcm: ArrayBuffer; rms: number }>) => this.handle(event.data);
    this.source = this.context.createMediaStreamSource(this.stream);
    this.source.connect(node);
    this.events.onSource?.(this.source);
    // A worklet is only pulled while connected towards the destination; it writes silence.
    node.connect(this.context.destination);
    this.node = node;
    node.port.postMessage({ type: "muted", value: this.mutedFlag });
  }

  setMuted(muted: boolean): void {
    if (muted === this.mutedFlag) return;
    this.mutedFlag = muted;
    this.node?.port.postMessage({ type: "muted", value: muted });
    for (const track of this.stream?.getAudioTracks() ?? []) track.enabled = !muted;
    if (muted) {
      this.events.onLevel(0);
      if (this.node) this.events.onStreamEnd();
    }
  }

  stop(): void {
    if (this.node) {
      this.node.port.onmessage = null;
      this.node.disconnect();
    }
    this.source?.disconnect();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.node = null;
    this.source = null;
    this.stream = null;
    this.events.onLevel(0);
  }

  private async createWorkletNode(): Promise<AudioWorkletNode> {
    await this.context.audioWorklet.addModule(CAPTURE_WORKLET_URL);
    return new AudioWorkletNode(this.context, "capture-processor", { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
  }

  private handle(message: { type: string; pcm: ArrayBuffer; rms: number }): void {
    if (message.type !== "chunk" || this.mutedFlag) return;
    const samples = message.pcm.byteLength / 2;
    this.events.onLevel(message.rms);
    this.events.onChunk({
      data: bytesToBase64(new Uint8Array(message.pcm)),
      mimeType: CAPTURE_MIME_TYPE,
      durationMs: (samples / 16_000) * 1000,
      rms: message.rms,
      voiced: message.rms >= VOICE_RMS,
    });
  }
}
