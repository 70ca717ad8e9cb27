/*
 * Embeddings as stored: float32, little-endian, in a bytea. A quarter of the size of real[]'s
 * text form, and read straight into numbers (no array parsing): the exact similarity scan over a
 * user's memories is a loop over bytes, fast enough without pgvector (README, "Memory").
 */

export function vectorToBytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat32(i * 4, Number.isFinite(value) ? value : 0, true));
  return bytes;
}

export function bytesToVector(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength >> 2);
  for (let i = 0; i < out.length; i += 1) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Dot product of a stored vector with a query (both unit length: the cosine); null when sizes differ. */
export function dotWithBytes(bytes: Uint8Array, query: Float32Array | number[]): number | null {
  if (bytes.byteLength !== query.length * 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i < query.length; i += 1) sum += view.getFloat32(i * 4, true) * (query[i] ?? 0);
  return sum;
}
