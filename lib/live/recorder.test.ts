import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { ConversationRecorder, FrameThrottle, SEGMENT_MS, SegmentClock, pickRecordingType } from "./recorder";

describe("SegmentClock", () => {
  it("numbers segments and tiles the session clock from where recording started", () => {
    const clock = new SegmentClock(1234.4);
    expect(clock.segment(4240)).toEqual({ sequenceNumber: 0, startOffsetMs: 1234, durationMs: 3006 });
    expect(clock.segment(7236)).toEqual({ sequenceNumber: 1, startOffsetMs: 4240, durationMs: 2996 });
    // The last segment, delivered by stop() soon after the previous one.
    expect(clock.segment(7300.6)).toEqual({ sequenceNumber: 2, startOffsetMs: 7236, durationMs: 65 });
  });

  it("never goes backwards if the clock does", () => {
    const clock = new SegmentClock(1000);
    clock.segment(2000);
    expect(clock.segment(1500)).toEqual({ sequenceNumber: 1, startOffsetMs: 2000, durationMs: 0 });
  });
});

describe("FrameThrottle", () => {
  it("keeps at most one frame a second, allowing for timer jitter", () => {
    const throttle = new FrameThrottle(1000);
    expect([100, 600, 1090, 2080, 2500, 3100, 4500].map((t) => throttle.accept(t))).toEqual([true, false, true, true, false, true, true]);
  });
});

describe("pickRecordingType", () => {
  it("prefers Opus in WebM, then Ogg, and gives up without either", () => {
    expect(pickRecordingType(() => true)).toBe("audio/webm;codecs=opus");
    expect(pickRecordingType((type) => type.startsWith("audio/ogg"))).toBe("audio/ogg;codecs=opus");
    expect(pickRecordingType(() => false)).toBeNull();
  });
});

/** A MediaRecorder double: the test delivers segments by hand. */
class FakeRecorder {
  state: RecordingState = "inactive";
  mimeType: string;
  timeslice = 0;
  ondataavailable: ((event: BlobEvent) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(options: MediaRecorderOptions) {
    this.mimeType = options.mimeType ?? "";
  }
  start(timeslice: number) {
    this.state = "recording";
    this.timeslice = timeslice;
  }
  deliver(bytes: string) {
    this.ondataavailable?.({ data: new Blob([bytes]) } as BlobEvent);
  }
  stop() {
    this.state = "inactive";
    this.deliver("last");
    this.onstop?.();
  }
}

function harness(options = { audio: true, frames: true }) {
  const connections: string[] = [];
  const node = (name: string) => ({ connect: (to: { name: string }) => connections.push(`${name}→${to.name}`), disconnect() {}, name });
  const context = {
    destination: node("speakers"),
    createMediaStreamDestination: () => ({ ...node("mix"), stream: {} }),
    createGain: () => node("gain"),
  };
  let now = 500;
  const uploads: { url: string; headers: Record<string, string>; body: string }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    uploads.push({ url, headers: init.headers as Record<string, string>, body: await (init.body as Blob).text() });
    return new Response("{}", { status: 201 });
  }) as typeof globalThis.fetch;
  let fake: FakeRecorder | null = null;
  const unavailable: string[] = [];
  const recorder = new ConversationRecorder(context as unknown as AudioContext, "s1", options, () => now, { onUnavailable: (m) => unavailable.push(m) }, {
    fetch,
    indexedDB: new IDBFactory(),
    isTypeSupported: (type) => type === "audio/webm;codecs=opus",
    createRecorder: (_stream, recorderOptions) => (fake = new FakeRecorder(recorderOptions)) as unknown as MediaRecorder,
  });
  return { recorder, connections, uploads, unavailable, fake: () => fake!, advance: (ms: number) => (now += ms), node };
}

describe("ConversationRecorder", () => {
  it("mixes the companion's voice and the microphone, and uploads each segment with its place on the session clock", async () => {
    const h = harness();
    const out = h.recorder.playbackOutput();
    h.recorder.addSource(h.node("mic") as unknown as AudioNode);
    expect(out).not.toBeNull();
    expect(h.connections).toEqual(["gain→speakers", "gain→mix", "mic→mix"]);

    h.recorder.start();
    expect(h.fake().timeslice).toBe(SEGMENT_MS);
    h.advance(3000);
    h.fake().deliver("one");
    h.advance(3000);
    h.fake().deliver("two");
    h.advance(400);
    h.recorder.stop();
    await h.recorder.finished(1000);

    expect(h.uploads.map((u) => [u.url, u.body, u.headers["x-sequence-number"], u.headers["x-start-offset-ms"], u.headers["x-duration-ms"]])).toEqual([
      ["/api/live/sessions/s1/media/audio", "one", "0", "500", "3000"],
      ["/api/live/sessions/s1/media/audio", "two", "1", "3500", "3000"],
      ["/api/live/sessions/s1/media/audio", "last", "2", "6500", "400"],
    ]);
    expect(h.uploads[0]!.headers["content-type"]).toBe("audio/webm;codecs=opus");
  });

  it("uploads camera frames at most once a second, at their session offset", async () => {
    const h = harness({ audio: false, frames: true });
    const jpeg = btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0));
    for (const step of [0, 300, 300, 400, 1200]) {
      h.advance(step);
      h.recorder.frame(jpeg);
    }
    await h.recorder.finished(1000);
    expect(h.uploads.map((u) => [u.url, u.headers["x-offset-ms"]])).toEqual([
      ["/api/live/sessions/s1/media/frames", "500"],
      ["/api/live/sessions/s1/media/frames", "1500"],
      ["/api/live/sessions/s1/media/frames", "2700"],
    ]);
  });

  it("records nothing it was not asked to", async () => {
    const h = harness({ audio: false, frames: false });
    expect(h.recorder.playbackOutput()).toMatchObject({ name: "speakers" });
    h.recorder.start();
    h.recorder.frame(btoa("\xff\xd8\xff"));
    await h.recorder.finished(100);
    expect(h.uploads).toEqual([]);
    expect(h.recorder.recordingAudio).toBe(false);
  });
});
