/** A WAV file (RIFF header + the samples) around raw 16-bit little-endian mono PCM, so <audio> can play it. */
export function pcm16ToWav(pcm: Uint8Array, sampleRate: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(44));
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => header.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  header.setUint32(4, 36 + pcm.byteLength, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  header.setUint32(16, 16, true); // fmt chunk size
  header.setUint16(20, 1, true); // PCM
  header.setUint16(22, 1, true); // mono
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate * 2, true); // byte rate
  header.setUint16(32, 2, true); // block align
  header.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  header.setUint32(40, pcm.byteLength, true);
  const out = new Uint8Array(44 + pcm.byteLength);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(pcm, 44);
  return out;
}

/** The sample rate in a mime type such as `audio/L16;codec=pcm;rate=24000`; null when absent. */
export function rateOf(mimeType: string): number | null {
  const match = /rate=(\d+)/i.exec(mimeType);
  const rate = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(rate) && rate >= 8_000 && rate <= 48_000 ? rate : null;
}
