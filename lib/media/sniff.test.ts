import { describe, expect, it } from "vitest";
import { audioTypeOf, looksLikeAudioSegment, looksLikeJpeg, pictureTypeOf } from "./sniff";

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

describe("pictureTypeOf", () => {
  const text = (s: string) => new TextEncoder().encode(s);
  it("names PNG, JPEG and WebP from their bytes", () => {
    expect(pictureTypeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(pictureTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(pictureTypeOf(text("RIFF\x08\x00\x00\x00WEBPVP8 "))).toBe("image/webp");
  });
  it("refuses SVG, HTML, GIF, a WAV (RIFF but not WebP) and truncated signatures", () => {
    for (const s of ["<svg/>", "<!doctype html>", "GIF89a", "RIFF\x08\x00\x00\x00WAVEfmt ", "RIFF"]) expect(pictureTypeOf(text(s)), s).toBeNull();
    expect(pictureTypeOf(new Uint8Array([0x89, 0x50, 0x4e]))).toBeNull();
  });
});
