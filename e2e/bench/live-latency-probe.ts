/*
 * Injected into the Live page before its own code (page.addInitScript) by live-latency.ts. It
 * leaves the product untouched and timestamps, on the page's wall clock (Date.now() is the one
 * clock an AudioWorklet shares with the page):
 * - mic: when sound starts at the fake microphone, seen by a probe worklet on the same stream;
 * - sent: each outgoing Live audio chunk, with where speech starts inside it;
 * - arrived: each incoming Live message that carries model audio or ends a model turn;
 * - starts: each AudioBufferSourceNode.start(when), with the wall time `when` stands for, the
 *   context time it was called at and the buffer's length (gaps are read from these).
 * `window.__benchJitterMs` (set by an earlier init script) delays each incoming Live message by a
 * random 0…2×jitter ms, in order (TCP never reorders): ±jitter around a constant delay.
 * Plain JavaScript in a string, so no TypeScript helper leaks into the page.
 */
export const LATENCY_PROBE_SCRIPT = String.raw`
(() => {
  const THRESHOLD = 0.02;
  const QUIET_SECONDS = 1;
  const bench = { mic: [], sent: [], arrived: [], starts: [] };
  window.__liveLatency = bench;

  const probeSource = "class Probe extends AudioWorkletProcessor {" +
    "constructor() { super(); this.quiet = 0; this.armed = false; }" +
    "process(inputs) { const ch = inputs[0] && inputs[0][0]; if (!ch) return true;" +
    "let first = -1; for (let i = 0; i < ch.length; i++) { if (Math.abs(ch[i]) > " + THRESHOLD + ") { first = i; break; } }" +
    "if (first < 0) { this.quiet += ch.length; if (this.quiet >= sampleRate * " + QUIET_SECONDS + ") this.armed = true; }" +
    "else { this.quiet = 0; if (this.armed) { this.armed = false;" +
    "this.port.postMessage({ at: Date.now() - ((ch.length - first) / sampleRate) * 1000 }); } }" +
    "return true; } }" +
    "registerProcessor('latency-probe', Probe);";

  async function attachProbe(stream) {
    const context = new AudioContext({ latencyHint: "interactive" });
    const url = URL.createObjectURL(new Blob([probeSource], { type: "text/javascript" }));
    await context.audioWorklet.addModule(url);
    const node = new AudioWorkletNode(context, "latency-probe");
    node.port.onmessage = (event) => bench.mic.push(event.data.at);
    const mute = context.createGain();
    mute.gain.value = 0;
    context.createMediaStreamSource(stream).connect(node).connect(mute).connect(context.destination);
    await context.resume();
  }

  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    if (stream.getAudioTracks().length > 0) attachProbe(stream).catch((error) => console.error("latency probe", error));
    return stream;
  };

  // Outgoing audio: 16 kHz PCM16 little-endian, base64.
  let quietSamples = 0;
  let armed = false;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === "string" && data.indexOf('"realtimeInput"') >= 0 && data.indexOf("audio/pcm") >= 0) {
      const at = Date.now();
      try {
        const input = JSON.parse(data).realtimeInput;
        const blob = input.audio || (input.mediaChunks && input.mediaChunks[0]);
        const bytes = Uint8Array.from(atob(blob.data), (c) => c.charCodeAt(0));
        const samples = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
        let first = -1;
        for (let i = 0; i < samples.length; i++) { if (Math.abs(samples[i]) / 32768 > THRESHOLD) { first = i; break; } }
        if (first < 0) { quietSamples += samples.length; if (quietSamples >= 16000 * QUIET_SECONDS) armed = true; }
        else {
          quietSamples = 0;
          if (armed) { armed = false; bench.sent.push({ at, onsetInChunkMs: (first / 16000) * 1000, chunkMs: (samples.length / 16000) * 1000 }); }
        }
      } catch (error) { console.error("latency probe send", error); }
    }
    return send.call(this, data);
  };

  // Incoming: the arrival time is taken as the page's handler gets the message (after any added
  // jitter), the content is read after.
  const jitterMs = Number(window.__benchJitterMs || 0);
  const arrived = (event) => {
    const entry = { at: Date.now(), kind: "other" };
    bench.arrived.push(entry);
    const classify = (text) => {
      if (text.indexOf('"inlineData"') >= 0 && text.indexOf("audio/pcm") >= 0) entry.kind = "audio";
      else if (text.indexOf('"turnComplete"') >= 0 || text.indexOf('"interrupted"') >= 0) entry.kind = "end";
    };
    const data = event.data;
    if (typeof data === "string") classify(data);
    else if (data instanceof Blob) data.text().then(classify);
    else classify(new TextDecoder().decode(data));
  };
  const NativeWebSocket = window.WebSocket;
  const onmessage = Object.getOwnPropertyDescriptor(NativeWebSocket.prototype, "onmessage");
  window.WebSocket = class extends NativeWebSocket {
    set onmessage(handler) {
      if (!handler) { onmessage.set.call(this, handler); return; }
      let due = 0;
      onmessage.set.call(this, (event) => {
        const deliver = () => { arrived(event); handler.call(this, event); };
        if (!jitterMs) { deliver(); return; }
        const now = performance.now();
        due = Math.max(due, now + jitterMs + (2 * Math.random() - 1) * jitterMs);
        setTimeout(deliver, due - now);
      });
    }
    get onmessage() { return onmessage.get.call(this); }
  };

  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    const at = Date.now();
    const now = this.context.currentTime;
    const ahead = Math.max(0, (when || 0) - now);
    bench.starts.push({ at, playsAt: at + ahead * 1000, when: when || 0, now, duration: this.buffer ? this.buffer.duration : 0 });
    return start.call(this, when, ...rest);
  };
})();
`;
