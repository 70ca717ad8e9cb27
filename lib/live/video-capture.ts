import { describeVideoError } from "./live-errors";

export type VideoSource = "camera" | "screen";

export const MAX_FRAME_EDGE = 768;
export const FRAME_INTERVAL_MS = 1000;
const JPEG_QUALITY = 0.7;

/** Frame size with the long edge at most `maxEdge`, keeping the aspect ratio; never upscales. */
export function fitLongEdge(width: number, height: number, maxEdge = MAX_FRAME_EDGE): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface VideoCaptureEvents {
  /** One JPEG frame, base64 without the data: prefix. */
  onFrame: (base64: string, mimeType: "image/jpeg") => void;
  /** The stream stopped on its own (the browser's "Stop sharing" button, a camera unplugged). */
  onEnded: (source: VideoSource) => void;
}

/**
 * Camera or screen → a hidden <video> → canvas → JPEG about once a second. The MediaStream is
 * exposed for the page's local preview.
 */
export class VideoCapture {
  stream: MediaStream | null = null;
  source: VideoSource | null = null;
  private video: HTMLVideoElement | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private encoding = false;

  constructor(
    private readonly events: VideoCaptureEvents,
    private readonly intervalMs = FRAME_INTERVAL_MS,
  ) {}

  /** Starts (or switches to) a source; throws an Error with a human message if refused. */
  async start(source: VideoSource): Promise<MediaStream> {
    let stream: MediaStream;
    try {
      stream =
        source === "camera"
          ? await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
          : await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 5 } }, audio: false });
    } catch (error) {
      throw new Error(describeVideoError(error, source), { cause: error });
    }
    this.stop();
    this.stream = stream;
    this.source = source;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener("ended", () => {
        if (this.stream !== stream) return;
        this.stop();
        this.events.onEnded(source);
      });
    }
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    this.video = video;
    this.canvas = document.createElement("canvas");
    this.timer = setInterval(() => void this.captureFrame(), this.intervalMs);
    return stream;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    if (this.video) this.video.srcObject = null;
    this.stream = null;
    this.source = null;
    this.video = null;
    this.canvas = null;
  }

  private async captureFrame(): Promise<void> {
    const { video, canvas } = this;
    if (!video || !canvas || this.encoding || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    const size = fitLongEdge(video.videoWidth, video.videoHeight);
    if (size.width === 0) return;
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext("2d")?.drawImage(video, 0, 0, size.width, size.height);
    this.encoding = true;
    try {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY));
      if (blob && this.canvas === canvas) this.events.onFrame(await blobToBase64(blob), "image/jpeg");
    } finally {
      this.encoding = false;
    }
  }
}

async function blobToBase64(blob: Blob): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("could not read the frame"));
    reader.readAsDataURL(blob);
  });
  return dataUrl.slice(dataUrl.indexOf(",") + 1);
}
