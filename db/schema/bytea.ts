import { bytesToVector, vectorToBytes } from "../../lib/memory/vector";
import { customType } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** An embedding: number[] in code, float32 little-endian bytes in the column (lib/memory/vector.ts). */
export const float32Vector = customType<{ data: number[]; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (values) => vectorToBytes(values),
  fromDriver: (bytes) => bytesToVector(bytes),
});
