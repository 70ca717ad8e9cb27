import { FRAME_RECORD_INTERVAL_MS, MAX_AUDIO_SEGMENT_BYTES, MAX_FRAME_BYTES, audioUploadPath, frameUploadPath } from "@/lib/media/limits";
import { base64ToBytes } from "./audio/base64";
import { UploadQueue, type UploadQueueDeps } from "./upload-queue";

/** MediaRecorder's timeslice: each segment is uploaded as soon as it is produced. */
export const SEGMENT_MS = 3000;
const AUDIO_BITS_PER_SECOND = 32_000;
/** Opus in whichever container this browser records (Chromium: WebM; Firefox and Safari: Ogg or WebM). */
export const RECORDING_TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/ogg"] as const;

export interface RecordingOptions {
  audio: boolean;
  /** Camera frames (never the screen). */
  frames: boolean;
}

export interface SegmentMeta {
  sequenceNumber: number;
  /** ms since the session started. */
  startOffsetMs: number;
  durationMs: number;
}

export function pickRecordingType(isTypeSupported: (type: string) => boolean): string | null {
  return RECORDING_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

/**
 * Numbers segments and places them on the session's clock: each one starts where the last
 * ended, so the segments tile the recording with no gap and no overlap.
 */
export class SegmentClock {
  private next = 0;
  private endMs: number;

  constructor(startOffsetMs: number) {
    this.endMs = Math.max(0, Math.round(startOffsetMs));
  }

  /** A segment was delivered at `offsetMs` (session clock). */
  segment(offsetMs: number): SegmentMeta {
    const startOffsetMs = this.endMs;
    this.endMs = Math.max(startOffsetMs, Math.round(offsetMs));
    return { sequenceNumber: this.next++, startOffsetMs, durationMs: this.endMs - startOffsetMs };
  }
}

/**
 * Keeps at most one frame a second. The camera ticks once a second on a timer that jitters by a
 * few ms, so a 5 % tolerance keeps every tick instead of every other one.
 */
export class FrameThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs = FRAME_RECORD_INTERVAL_MS) {}

  accept(offsetMs: number): boolean {
    if (offsetMs - this.last < this.intervalMs * 0.95) return false;
    this.last = offsetMs;
    return true;
  }
}

export interface RecorderDeps extends UploadQueueDeps {
  isTypeSupported?: (type: string) => boolean;
  createRecorder?: (stream: MediaStream, options: MediaRecorderOptions) => MediaRecorder;
}

export interface RecorderEvents {
  /** Recording could not start (no MediaRecorder, no Opus): the conversation goes on unrecorded. */
  onUnavailable: (message: string) => void;
}

/**
 * Records a conversation for replay: the microphone and the companion's voice mixed in the
 * conversation's AudioContext into a MediaStreamAudioDestinationNode, encoded by MediaRecorder
 * in SEGMENT_MS slices that are uploaded in order (their concatenation is one playable file),
 * and camera frames at most once a second. Uploads are kept in IndexedDB until the server has
 * them (see UploadQueue): an outage delays the recording, it does not cut it.
 */
export class ConversationRecorder {
  private readonly mix: MediaStreamAudioDestinationNode | null;
  private readonly uploads: UploadQueue;
  private readonly throttle = new FrameThrottle();
  private recorder: MediaRecorder | null = null;
  private stopped: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: AudioContext,
    private readonly sessionId: string,
    private readonly options: RecordingOptions,
    /** The session clock: ms since the session started. */
    private readonly offsetMs: () => number,
    private readonly events: RecorderEvents,
    private readonly deps: RecorderDeps = {},
  ) {
    this.mix = options.audio ? context.createMediaStreamDestination() : null;
    this.uploads = new UploadQueue(sessionId, deps);
  }

  get recordingAudio(): boolean {
    return this.recorder !== null;
  }

  /**
   * Where the player should send the companion's voice: a node that plays it and feeds the mix.
   * Without audio recording, the speakers directly.
   */
  playbackOutput(): AudioNode {
    if (!this.mix) return this.context.destination;
    const out = this.context.createGain();
    out.connect(this.context.destination);
    out.connect(this.mix);
    return out;
  }

  /** The microphone joins the mix (called again when the mic is restarted). */
  addSource(source: AudioNode): void {
    if (this.mix) source.connect(this.mix);
  }

  start(): void {
    if (!this.mix || this.recorder) return;
    const isTypeSupported = this.deps.isTypeSupported ?? ((type: string) => typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(type));
    const mimeType = pickRecordingType(isTypeSupported);
    if (!mimeType) {
      this.events.onUnavailable("This browser cannot record audio, so this conversation is not being saved with sound.");
      return;
    }
    const create = this.deps.createRecorder ?? ((stream: MediaStream, options: MediaRecorderOptions) => new MediaRecorder(stream, options));
    const recorder = create(this.mix.stream, { mimeType, audioBitsPerSecond: AUDIO_BITS_PER_SECOND });
    const clock = new SegmentClock(this.offsetMs());
    recorder.ondataavailable = (event: BlobEvent) => {
      const meta = clock.segment(this.offsetMs());
      if (event.data.size === 0) return;
      if (event.data.size > MAX_AUDIO_SEGMENT_BYTES) {
        console.error(`recorded segment ${meta.sequenceNumber} is too large to upload (${event.data.size} bytes)`);
        return;
      }
      this.uploads.push({
        url: audioUploadPath(this.sessionId),
        body: event.data,
        headers: {
          "content-type": recorder.mimeType || mimeType,
          "x-sequence-number": String(meta.sequenceNumber),
          "x-start-offset-ms": String(meta.startOffsetMs),
          "x-duration-ms": String(meta.durationMs),
        },
      });
    };
    this.stopped = new Promise((resolve) => {
      recorder.onstop = () => resolve();
      recorder.onerror = () => resolve();
    });
    this.recorder = recorder;
    recorder.start(SEGMENT_MS);
  }

  /** One JPEG the camera produced (base64); kept when a second has passed since the last kept one. */
  frame(base64: string): void {
    if (!this.options.frames) return;
    const offsetMs = Math.max(0, Math.round(this.offsetMs()));
    if (!this.throttle.accept(offsetMs)) return;
    const bytes = base64ToBytes(base64);
    if (bytes.byteLength > MAX_FRAME_BYTES) return;
    this.uploads.push({
      url: frameUploadPath(this.sessionId),
      body: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }),
      headers: { "content-type": "image/jpeg", "x-offset-ms": String(offsetMs) },
    });
  }

  /** Ends the recording: MediaRecorder delivers its last segment, which is queued like the others. */
  stop(): void {
    const recorder = this.recorder;
    if (recorder && recorder.state !== "inactive") recorder.stop();
    this.mix?.disconnect();
  }

  /**
   * Waits (at most `timeoutMs`) for the last segment and every upload. Uploads still pending
   * afterwards keep being retried while the page lives, and by the next page if it does not.
   */
  async finished(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await Promise.race([this.stopped, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    await this.uploads.drain(Math.max(0, deadline - Date.now()));
  }

  /** `pagehide`: pending uploads go out with keepalive; IndexedDB keeps them for the next load anyway. */
  pageHide(): void {
    this.uploads.flushWithKeepalive();
  }
}
