import { describe, expect, it, vi } from "vitest";

const { buildKeyRing, derivedKey, parseKeyEntries } = await import("./key-ring");
const { openSecret, resealIfOutdated, sealSecret } = await import("./crypto");

const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");
const SECRET = "a-test-auth-secret-that-is-long-enough-000";
const owner = { userId: "user-ring" };
const PLAIN = "AIzaSyRing-Test-Key-0000000000000000042";

const ring = (source: Partial<Parameters<typeof buildKeyRing>[0]>) =>
  buildKeyRing({ legacyVersion: 1, authSecret: () => SECRET, ...source });

describe("credential key ring", () => {
  it("seals with the highest listed version and opens every listed one", () => {
    const v1 = ring({ keys: `1:${key(1)}` });
    const v1v2 = ring({ keys: ` 2:${key(2)} , 1:${key(1)} ` });
    expect(v1v2.currentVersion).toBe(2);
    expect(v1v2.versions).toEqual([1, 2]);
    const old = sealSecret(PLAIN, owner, v1);
    expect(old.keyVersion).toBe(1);
    expect(openSecret(old, owner, v1v2)).toBe(PLAIN);
    const fresh = sealSecret(PLAIN, owner, v1v2);
    expect(fresh.keyVersion).toBe(2);
    expect(() => openSecret(fresh, owner, v1)).toThrow(/version 2/);
  });

  it("re-seals an old record with the newest key, and leaves a current one alone", () => {
    const v1 = ring({ keys: `1:${key(1)}` });
    const v1v2 = ring({ keys: `1:${key(1)},2:${key(2)}` });
    const resealed = resealIfOutdated(sealSecret(PLAIN, owner, v1), owner, v1v2);
    expect(resealed?.keyVersion).toBe(2);
    expect(openSecret(resealed!, owner, ring({ keys: `2:${key(2)}` }))).toBe(PLAIN);
    expect(resealIfOutdated(resealed!, owner, v1v2)).toBeNull();
  });

  it("keeps the older single-key setting and the derived default readable", () => {
    const legacy = ring({ legacyKey: key(7), legacyVersion: 3 });
    expect(legacy.currentVersion).toBe(3);
    const sealedLegacy = sealSecret(PLAIN, owner, legacy);
    const derivedOnly = ring({});
    expect(derivedOnly.currentVersion).toBe(1);
    expect(derivedOnly.keyFor(1).equals(derivedKey(SECRET, 1))).toBe(true);
    const sealedDerived = sealSecret(PLAIN, owner, derivedOnly);

    // A deployment that moves to the ring lists the old key under its version; rows sealed with
    // the derived default (version 1, never listed) still open through the auth secret.
    const rotated = ring({ keys: `3:${key(7)},4:${key(4)}`, legacyKey: key(7), legacyVersion: 3 });
    expect(rotated.currentVersion).toBe(4);
    expect(openSecret(sealedLegacy, owner, rotated)).toBe(PLAIN);
    expect(openSecret(sealedDerived, owner, rotated)).toBe(PLAIN);
  });

  it("derives the default key only when one is needed", () => {
    const authSecret = vi.fn(() => SECRET);
    const explicit = buildKeyRing({ keys: `1:${key(1)}`, legacyVersion: 1, authSecret });
    sealSecret(PLAIN, owner, explicit);
    expect(authSecret).not.toHaveBeenCalled();
  });

  it("refuses malformed entries without quoting the key", () => {
    expect(() => parseKeyEntries(`1:${key(1)},1:${key(2)}`)).toThrow(/version 1 twice/);
    expect(() => parseKeyEntries("one:abc")).toThrow(/entry 1 must look like version:base64key/);
    expect(() => parseKeyEntries(`0:${key(1)}`)).toThrow(/versions start at 1/);
    const short = Buffer.alloc(16, 1).toString("base64");
    expect(() => parseKeyEntries(`2:${short}`)).toThrow(/version 2 must be 32 bytes/);
    try {
      parseKeyEntries(`2:${short}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });

  it("refuses a version above the current one and non-integer versions", () => {
    const r = ring({ keys: `1:${key(1)}` });
    expect(() => r.keyFor(2)).toThrow(/no encryption key for version 2/);
    expect(() => r.keyFor(0)).toThrow();
    expect(() => r.keyFor(1.5)).toThrow();
  });
});
