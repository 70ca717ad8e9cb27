import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { TEST_GEMINI_KEY } from "./constants";
import { Conversations } from "./conversations";
import { LiveSocket } from "./live-socket";
import { type ReceivedSnapshot, Recorder } from "./recorder";
import { googleError, handleRest } from "./rest";
import { type DoubleScript, type ParsedScript, parseScript } from "./script";
import type { TextState } from "./text-rest";
import { TokenStore } from "./tokens";

/*
 * The Gemini Live TEST DOUBLE's HTTP server: the REST API, the Live WebSocket and the control
 * endpoints tests use (`/__double/health`, `/__double/received`, `/__double/script`,
 * `/__double/reset`).
 */

export interface GeminiDoubleOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Keys accepted besides TEST_GEMINI_KEY. */
  validKeys?: string[];
  script?: DoubleScript;
}

export interface GeminiDouble {
  /** `http://localhost:<port>`: what `httpOptions.baseUrl` should be. */
  url: string;
  port: number;
  /** A snapshot of everything received so far. */
  received: () => ReceivedSnapshot;
  setScript: (script: DoubleScript) => void;
  /** Forgets what was received and restores the constructor's script. */
  reset: () => void;
  close: () => Promise<void>;
}

/** `/ws/…` as the SDK builds it: `${baseUrl}/ws/…` where baseUrl ends in `/`, so `//ws/…`. */
const LIVE_PATH =
  /^\/+ws\/google\.ai\.generativelanguage\.(v1alpha|v1beta|v1)\.GenerativeService\.(BidiGenerateContent|BidiGenerateContentConstrained)$/;

/** Never `new URL()`: a path starting `//ws/` would be read as a host named "ws". */
function splitUrl(raw: string | undefined): { path: string; query: URLSearchParams } {
  const url = raw ?? "/";
  const at = url.indexOf("?");
  return at < 0
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, at), query: new URLSearchParams(url.slice(at + 1)) };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

export async function startGeminiDouble(options: GeminiDoubleOptions = {}): Promise<GeminiDouble> {
  const validKeys = new Set([TEST_GEMINI_KEY, ...(options.validKeys ?? [])]);
  const initialScript = parseScript(options.script ?? {});
  let script: ParsedScript = initialScript;
  const tokens = new TokenStore();
  const conversations = new Conversations();
  const recorder = new Recorder();
  const sockets = new Set<LiveSocket>();
  let nextConnectionId = 1;
  const text: TextState = { outage: false, malformedRemaining: 0, generateCalls: 0, embedCalls: 0 };
  const applyTextScript = () => {
    text.outage = script.textOutage ?? false;
    text.malformedRemaining = script.malformedJson ?? 0;
  };
  applyTextScript();

  const setScript = (next: DoubleScript) => {
    script = parseScript(next);
    applyTextScript();
  };
  const reset = () => {
    recorder.reset();
    script = initialScript;
    applyTextScript();
  };

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const method = req.method ?? "GET";
    if (path === "/__double/health" && method === "GET") sendJson(res, 200, { ok: true, double: "gemini-live" });
    else if (path === "/__double/received" && method === "GET") sendJson(res, 200, recorder.snapshot());
    else if (path === "/__double/script" && method === "GET") sendJson(res, 200, script);
    else if (path === "/__double/script" && method === "POST") {
      try {
        setScript((await readBody(req)) as DoubleScript);
        sendJson(res, 200, script);
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
    } else if (path === "/__double/reset" && method === "POST") {
      reset();
      sendJson(res, 200, { ok: true });
    } else return false;
    return true;
  }

  const server = createServer((req, res) => {
    // The real API answers browsers' CORS preflights; so does the double.
    res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
    res.setHeader("vary", "origin");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "3600",
      });
      res.end();
      return;
    }
    const { path, query } = splitUrl(req.url);
    void (async () => {
      if (path.startsWith("/__double/") && (await control(req, res, path))) return;
      if (await handleRest(req, res, path, query, { validKeys, tokens, recorder, text })) return;
      sendJson(res, 404, googleError(404, "NOT_FOUND", `The requested URL ${path} was not found on this server.`));
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, googleError(500, "INTERNAL", String(error)));
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { path, query } = splitUrl(req.url);
    const match = LIVE_PATH.exec(path);
    const constrained = match?.[2] === "BidiGenerateContentConstrained";
    // Ephemeral tokens exist in v1alpha only.
    if (!match || (constrained && match[1] !== "v1alpha")) {
      socket.end("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const live = new LiveSocket(
        ws,
        {
          id: nextConnectionId++,
          apiVersion: match[1] ?? "",
          auth: constrained ? "token" : "key",
          credential: query.get(constrained ? "access_token" : "key"),
        },
        { validKeys, tokens, conversations, recorder, script: () => script },
      );
      sockets.add(live);
      ws.on("close", () => sockets.delete(live));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    received: () => recorder.snapshot(),
    setScript,
    reset,
    close: async () => {
      for (const live of sockets) live.close(1001, "The test double is shutting down.");
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
