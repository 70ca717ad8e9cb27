import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/*
 * SSRF guard: a webhook URL must not reach the deployment's own network. The host is resolved
 * and EVERY address checked (a name with one public and one private address is refused).
 * Tests and local development turn it off with WEBHOOKS_ALLOW_PRIVATE=1.
 */

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) blocked.addSubnet(net, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  return blocked.check(address, "ipv6");
}

export class BlockedAddressError extends Error {
  constructor() {
    super("The webhook URL resolves to a private, loopback or link-local address.");
    this.name = "BlockedAddressError";
  }
}

export type Resolver = (host: string) => Promise<string[]>;

/** The URL's host as DNS and sockets take it: an IPv6 literal without its brackets. */
export const urlHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

export interface VettedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the URL's host once and returns the addresses to connect to, in the resolver's order.
 * Throws BlockedAddressError unless every address is public (or private ones are allowed). The
 * caller must connect to these addresses and no other: resolving again could answer differently
 * (DNS rebinding).
 */
export async function resolveVettedAddresses(url: URL, { allowPrivate, resolve = defaultResolve }: { allowPrivate: boolean; resolve?: Resolver }): Promise<VettedAddress[]> {
  const host = urlHost(url);
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0 || (!allowPrivate && addresses.some(isPrivateAddress))) throw new BlockedAddressError();
  return addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
}

async function defaultResolve(host: string): Promise<string[]> {
  const results = await lookup(host, { all: true, verbatim: true });
  return results.map((r) => r.address);
}
