import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { withTimeout } from "@/lib/jobs/circuit-breaker";
import { resolveVettedAddresses, urlHost, type Resolver, type VettedAddress } from "./address-guard";

/*
 * One webhook POST, safe against DNS rebinding: the host is resolved once, vetted by the address
 * guard, and the socket connects to exactly the vetted addresses (the request's `lookup` answers
 * with them; Node tries them in turn when it races IPv6 and IPv4), so a second DNS answer
 * pointing inside the network is never consulted. TLS still verifies the
 * certificate for the hostname (SNI) and Host names it. Redirects are never followed (a 3xx is
 * simply the status), the whole exchange has a deadline, and at most `maxResponseBytes` of the
 * answer are read: a receiver cannot hold a worker or fill its memory.
 */

export interface PinnedPostOptions {
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
  resolve?: Resolver;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface PinnedPostResponse {
  status: number;
  /** The vetted address the request went to. */
  address: string;
  /** Bytes of the answer read (at most maxResponseBytes). */
  bodyBytes: number;
  /** The answer was longer than maxResponseBytes and was cut there. */
  truncated: boolean;
}

export type PinnedPost = (url: URL, options: PinnedPostOptions) => Promise<PinnedPostResponse>;

export const pinnedPost: PinnedPost = async (url, { headers, body, allowPrivate, resolve, timeoutMs, maxResponseBytes }) => {
  const vetted = await resolveVettedAddresses(url, { allowPrivate, resolve });
  return withTimeout(timeoutMs, (signal) => send(url, vetted, { headers, body, maxResponseBytes, signal }));
};

function pinnedLookup(vetted: VettedAddress[]): LookupFunction {
  // Node asks for every address when it races IPv6 and IPv4 (autoSelectFamily): only the vetted ones.
  return ((_hostname, options, callback) => {
    if (options.all) callback(null, vetted);
    else callback(null, vetted[0]!.address, vetted[0]!.family);
  }) as LookupFunction;
}

function send(
  url: URL,
  vetted: VettedAddress[],
  { headers, body, maxResponseBytes, signal }: { headers: Record<string, string>; body: string; maxResponseBytes: number; signal: AbortSignal },
): Promise<PinnedPostResponse> {
  const payload = Buffer.from(body, "utf8");
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: "POST",
        protocol: url.protocol,
        hostname: urlHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, "content-length": String(payload.length) },
        lookup: pinnedLookup(vetted),
        // A fresh socket per delivery: a kept one could have been opened to another address.
        agent: false,
        signal,
      },
      (res) => {
        const address = res.socket.remoteAddress ?? vetted[0]!.address;
        readCapped(res, maxResponseBytes).then(({ bodyBytes, truncated }) => resolve({ status: res.statusCode ?? 0, address, bodyBytes, truncated }), reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

function readCapped(res: IncomingMessage, maxBytes: number): Promise<{ bodyBytes: number; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    let bodyBytes = 0;
    res.on("data", (chunk: Buffer) => {
      if (bodyBytes + chunk.length > maxBytes) {
        bodyBytes = maxBytes;
        res.destroy();
        resolve({ bodyBytes, truncated: true });
        return;
      }
      bodyBytes += chunk.length;
    });
    res.on("end", () => resolve({ bodyBytes, truncated: false }));
    res.on("error", reject);
    // Closed before its end (and not by us): the receiver hung up mid-answer.
    res.on("close", () => {
      if (!res.complete) reject(new Error("response closed before its end"));
    });
  });
}
