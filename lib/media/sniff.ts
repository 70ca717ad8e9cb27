/* What an upload really is, from its first bytes: the Content-Type header alone is a claim. */

export const AUDIO_TYPES = ["audio/webm", "audio/ogg"] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const OGG = [0x4f, 0x67, 0x67, 0x53];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/** `audio/webm;codecs=opus` → `audio/webm`; null for anything we do not record. */
export function audioTypeOf(contentType: string | null): AudioType | null {
  const base = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return (AUDIO_TYPES as readonly string[]).includes(base) ? (base as AudioType) : null;
}

/**
 * The first segment of a recording opens its container (an EBML header for WebM, an Ogg page);
 * later WebM segments continue a cluster mid-stream and carry no signature of their own, while
 * every Ogg segment starts on a page.
 */
export function looksLikeAudioSegment(bytes: Uint8Array, type: AudioType, sequenceNumber: number): boolean {
  if (type === "audio/ogg") return startsWith(bytes, OGG);
  return sequenceNumber > 0 || startsWith(bytes, EBML);
}

export const looksLikeJpeg = (bytes: Uint8Array) => startsWith(bytes, JPEG);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
export const looksLikePdf = (bytes: Uint8Array) => startsWith(bytes, PDF);

/** Plain text as we accept it: valid UTF-8 without NUL bytes (a binary renamed .txt fails here). */
export function looksLikeUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export const PICTURE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type PictureType = (typeof PICTURE_TYPES)[number];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF"
const WEBP = [0x57, 0x45, 0x42, 0x50]; // "WEBP" at offset 8

/**
 * The raster picture the bytes are (PNG, JPEG, WebP), or null: SVG, HTML, GIF or anything
 * renamed is refused, so a served picture can never run as a document.
 */
export function pictureTypeOf(bytes: Uint8Array): PictureType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (looksLikeJpeg(bytes)) return "image/jpeg";
  if (startsWith(bytes, RIFF) && bytes.length >= 12 && startsWith(bytes.subarray(8), WEBP)) return "image/webp";
  return null;
}
