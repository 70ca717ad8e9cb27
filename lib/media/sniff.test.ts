import { describe, expect, it } from "vitest";
import { audioTypeOf, looksLikeAudioSegment, looksLikeJpeg } from "./sniff";

const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0]);

describe("audioTypeOf", () => {
  it("keeps the container and drops parameters", () => {
    expect(audioTypeOf("audio/webm;codecs=opus")).toBe("audio/webm");
    expect(audioTypeOf(" Audio/Ogg ; codecs=opus")).toBe("audio/ogg");
  });

  it("refuses anything else", () => {
    expect(audioTypeOf("audio/mpeg")).toBeNull();
    expect(audioTypeOf("image/jpeg")).toBeNull();
    expect(audioTypeOf(null)).toBeNull();
  });
});

describe("looksLikeAudioSegment", () => {
  it("wants an EBML header on the first WebM segment only", () => {
    expect(looksLikeAudioSegment(bytes(0x1a, 0x45, 0xdf, 0xa3), "audio/webm", 0)).toBe(true);
    expect(looksLikeAudioSegment(bytes(0x1f, 0x43, 0xb6, 0x75), "audio/webm", 0)).toBe(false);
    expect(looksLikeAudioSegment(bytes(0x1f, 0x43, 0xb6, 0x75), "audio/webm", 3)).toBe(true);
  });

  it("wants an Ogg page on every Ogg segment", () => {
    expect(looksLikeAudioSegment(new TextEncoder().encode("OggS...."), "audio/ogg", 2)).toBe(true);
    expect(looksLikeAudioSegment(bytes(0x1a, 0x45, 0xdf, 0xa3), "audio/ogg", 0)).toBe(false);
  });
});

describe("looksLikeJpeg", () => {
  it("recognises the SOI marker", () => {
    expect(looksLikeJpeg(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(looksLikeJpeg(new TextEncoder().encode("<svg>"))).toBe(false);
  });
});
