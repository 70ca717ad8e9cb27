import http from "node:http";
import { performance } from "node:perf_hooks";
import { parseFlightResult, type ActionReply } from "../support/server-action";

/*
 * The load benchmark's HTTP client: node:http over kept-alive loopback sockets (fetch costs the
 * generator more CPU than the server it measures), one cookie jar per simulated browser.
 */

export interface Reply {
  status: number;
  text: string;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function closeClientSockets(): void {
  agent.destroy();
}

export class BrowserClient {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Reply> {
    const started = performance.now();
    try {
      return await this.send(path, body, headers, started);
    } catch (error) {
      // A kept-alive socket the server closed while idle: sent again on a new one, as browsers do.
      if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET") return this.send(path, body, headers, started);
      throw error;
    }
  }

  private send(path: string, body: string | Uint8Array, headers: Record<string, string>, started: number): Promise<Reply> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: {
            ...headers,
            // A browser sends its Origin on every POST; the auth API and server actions check it.
            origin: this.baseUrl,
            "content-length": String(Buffer.byteLength(body)),
            ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") } : {}),
          },
        },
        (response) => {
          this.keepCookies(response.headers["set-cookie"]);
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
          response.on("error", reject);
        },
      );
      request.on("error", (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
      request.end(body);
    });
  }

  postJson(path: string, value: unknown): Promise<Reply> {
    return this.post(path, JSON.stringify(value), { "content-type": "application/json" });
  }

  /** A server action as the browser calls it: POST to a page that uses it, `Next-Action` naming it, the arguments as the body. */
  async action(pagePath: string, actionId: string, input: unknown): Promise<Reply & Pick<ActionReply, "result">> {
    const reply = await this.post(pagePath, JSON.stringify([input]), {
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    });
    return { ...reply, result: parseFlightResult(reply.text) };
  }

  private keepCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      if (at <= 0) continue;
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
