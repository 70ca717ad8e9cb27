import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A webhook receiver on 127.0.0.1 (the e2e servers set WEBHOOKS_ALLOW_PRIVATE=1) that keeps what
 * it gets. With `holdFirst` it answers nothing to the first request and keeps its connection
 * open, so a spec can kill the app in the middle of that delivery.
 */

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.timeOrigin + performance.now() when the body was complete (ms since the epoch). */
  receivedAt: number;
  /** Answered 204: the sender saw it delivered. */
  acknowledged: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves with the first request once it is held (only with `holdFirst`). */
  held: Promise<ReceivedWebhook>;
  close: () => Promise<void>;
}

export async function startWebhookReceiver({ holdFirst = false } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const open: ServerResponse[] = [];
  let onHeld: (request: ReceivedWebhook) => void = () => {};
  const held = new Promise<ReceivedWebhook>((resolve) => (onHeld = resolve));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry: ReceivedWebhook = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), receivedAt: performance.timeOrigin + performance.now(), acknowledged: false };
      received.push(entry);
      if (holdFirst && received.length === 1) {
        open.push(response);
        onHeld(entry);
        return;
      }
      entry.acknowledged = true;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Standard Webhooks headers of a received request, as `standardwebhooks` verifies them. */
export const webhookHeaders = (r: ReceivedWebhook) => ({
  "webhook-id": String(r.headers["webhook-id"]),
  "webhook-timestamp": String(r.headers["webhook-timestamp"]),
  "webhook-signature": String(r.headers["webhook-signature"]),
});
