import { describe, expect, it } from "vitest";
import { BlockedAddressError, isPrivateAddress, resolveVettedAddresses } from "./address-guard";

describe("webhook address guard", () => {
  it("knows private, loopback and link-local addresses, IPv4-mapped ones included", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("checks every resolved address, and lets everything through only when told to", async () => {
    const url = new URL("https://mixed.example/");
    await expect(resolveVettedAddresses(url, { allowPrivate: false, resolve: async () => ["8.8.8.8", "127.0.0.1"] })).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(resolveVettedAddresses(url, { allowPrivate: false, resolve: async () => ["8.8.8.8"] })).resolves.toEqual([{ address: "8.8.8.8", family: 4 }]);
    await expect(resolveVettedAddresses(new URL("http://[::1]:3000/"), { allowPrivate: false })).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(resolveVettedAddresses(new URL("http://127.0.0.1:3000/"), { allowPrivate: true })).resolves.toEqual([{ address: "127.0.0.1", family: 4 }]);
    await expect(resolveVettedAddresses(new URL("http://[::1]:3000/"), { allowPrivate: true })).resolves.toEqual([{ address: "::1", family: 6 }]);
  });

  it("resolves the host once and names the addresses to connect to", async () => {
    let calls = 0;
    const resolve = async () => {
      calls += 1;
      return ["2606:4700::1111", "8.8.8.8"];
    };
    expect(await resolveVettedAddresses(new URL("https://hooks.example/"), { allowPrivate: false, resolve })).toEqual([
      { address: "2606:4700::1111", family: 6 },
      { address: "8.8.8.8", family: 4 },
    ]);
    expect(calls).toBe(1);
  });
});
