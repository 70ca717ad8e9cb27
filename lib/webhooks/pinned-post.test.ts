import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSecureContext, createServer as createTlsServer } from "node:tls";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TimeoutError } from "@/lib/jobs/circuit-breaker";
import { BlockedAddressError } from "./address-guard";
import { pinnedPost, type PinnedPostOptions } from "./pinned-post";

interface Seen {
  path: string;
  host: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let port: number;
let seen: Seen[] = [];
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(204).end();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ path: req.url ?? "", host: req.headers.host, headers: req.headers, body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  answer = (_req, res) => res.writeHead(204).end();
});

// The receiver's name resolves to the local server; private addresses are allowed as in tests.
const options = (over: Partial<PinnedPostOptions> = {}): PinnedPostOptions => ({
  headers: { "content-type": "application/json", "webhook-id": "msg_1" },
  body: JSON.stringify({ type: "session.ended" }),
  allowPrivate: true,
  resolve: async () => ["127.0.0.1"],
  timeoutMs: 5_000,
  maxResponseBytes: 1024,
  ...over,
});
const urlFor = (path: string) => new URL(`http://hooks.receiver.test:${port}${path}`);

describe("pinnedPost", () => {
  it("delivers to the vetted address, naming the host, resolving it once", async () => {
    let lookups = 0;
    const resolve = async () => {
      lookups += 1;
      return ["127.0.0.1"];
    };
    const response = await pinnedPost(urlFor("/hook?x=1"), options({ resolve }));
    expect(response).toEqual({ status: 204, address: "127.0.0.1", bodyBytes: 0, truncated: false });
    expect(lookups).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: "/hook?x=1", host: `hooks.receiver.test:${port}`, body: '{"type":"session.ended"}' });
    expect(seen[0]!.headers).toMatchObject({ "webhook-id": "msg_1", "content-type": "application/json", "content-length": "24" });
  });

  it("tries the other vetted addresses when the first does not answer (IPv6 and IPv4 raced), and only those", async () => {
    const response = await pinnedPost(urlFor("/dual"), options({ resolve: async () => ["::1", "127.0.0.1"] }));
    expect(response).toMatchObject({ status: 204, address: "127.0.0.1" });
    expect(seen.map((s) => s.path)).toEqual(["/dual"]);
  });

  it("does not follow a redirect: the 3xx is the answer", async () => {
    answer = (_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
    const response = await pinnedPost(urlFor("/moved"), options());
    expect(response.status).toBe(307);
    expect(seen.map((s) => s.path)).toEqual(["/moved"]);
  });

  it("reads at most maxResponseBytes of the answer and cuts the rest", async () => {
    answer = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      // An answer that never ends unless the client hangs up.
      const chunk = Buffer.alloc(16 * 1024, "x");
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    };
    const response = await pinnedPost(urlFor("/big"), options({ maxResponseBytes: 4096 }));
    expect(response).toEqual({ status: 200, address: "127.0.0.1", bodyBytes: 4096, truncated: true });
  });

  it("gives up at the deadline when the receiver does not answer", async () => {
    answer = () => {};
    await expect(pinnedPost(urlFor("/slow"), options({ timeoutMs: 200 }))).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
  });

  it("refuses a host that resolves to a private address when private addresses are not allowed, sending nothing", async () => {
    await expect(pinnedPost(urlFor("/inside"), options({ allowPrivate: false }))).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(pinnedPost(urlFor("/inside"), options({ allowPrivate: false, resolve: async () => ["93.184.215.14", "127.0.0.1"] }))).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(pinnedPost(new URL(`http://127.0.0.1:${port}/literal`), options({ allowPrivate: false }))).rejects.toBeInstanceOf(BlockedAddressError);
    expect(seen).toEqual([]);
  });

  it("over https connects to the vetted address while TLS names the host (SNI) and still checks its certificate", async () => {
    // A self-signed certificate for the receiver's name: the handshake reaches the pinned address
    // with the hostname as SNI, and the certificate is refused as untrusted (verification stays on).
    const dir = mkdtempSync(path.join(tmpdir(), "pinned-post-tls-"));
    const made = spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=hooks.receiver.test", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    const context = createSecureContext({ key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) });
    const servernames: string[] = [];
    let connections = 0;
    const tls = createTlsServer({
      SNICallback: (servername, callback) => {
        servernames.push(servername);
        callback(null, context);
      },
    });
    tls.on("tlsClientError", () => {});
    tls.on("connection", () => (connections += 1));
    try {
      await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
      const tlsPort = (tls.address() as AddressInfo).port;
      const error = (await pinnedPost(new URL(`https://hooks.receiver.test:${tlsPort}/hook`), options()).catch((e: unknown) => e)) as NodeJS.ErrnoException;
      expect(error.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
      // The socket reached the one vetted address (the name resolves nowhere else), naming the host.
      expect(connections).toBe(1);
      expect(servernames).toEqual(["hooks.receiver.test"]);
    } finally {
      tls.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
