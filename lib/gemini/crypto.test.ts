import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
});

const { openSecret, sealSecret } = await import("./crypto");

const KEY = "AIzaSyExample-Key-For-Crypto-Tests-1234";
const alice = { userId: "user-alice" };
const bob = { userId: "user-bob" };

const flipFirstByte = (base64: string) => {
  const bytes = Buffer.from(base64, "base64");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString("base64");
};

describe("credential sealing", () => {
  it("round-trips for the owner, with a fresh 96-bit IV each time", () => {
    const first = sealSecret(KEY, alice);
    const second = sealSecret(KEY, alice);
    expect(openSecret(first, alice)).toBe(KEY);
    expect(Buffer.from(first.iv, "base64")).toHaveLength(12);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(first.keyVersion).toBe(1);
  });

  it("never stores the key in any field", () => {
    const sealed = sealSecret(KEY, alice);
    expect(JSON.stringify(sealed)).not.toContain(KEY);
    expect(JSON.stringify(sealed)).not.toContain(KEY.slice(4, 20));
  });

  it("fails for another user's associated data", () => {
    expect(() => openSecret(sealSecret(KEY, alice), bob)).toThrow();
  });

  it("fails when the ciphertext, IV or tag is altered", () => {
    const sealed = sealSecret(KEY, alice);
    expect(() => openSecret({ ...sealed, ciphertext: flipFirstByte(sealed.ciphertext) }, alice)).toThrow();
    expect(() => openSecret({ ...sealed, iv: flipFirstByte(sealed.iv) }, alice)).toThrow();
    expect(() => openSecret({ ...sealed, authTag: randomBytes(16).toString("base64") }, alice)).toThrow();
  });

  it("refuses a record sealed under an unknown key version", () => {
    expect(() => openSecret({ ...sealSecret(KEY, alice), keyVersion: 2 }, alice)).toThrow(/version 2/);
  });
});
