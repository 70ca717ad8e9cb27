import net from "node:net";
import { WebSocketServer, type RawData } from "ws";

export interface WsProxy {
  port: number;
  close: () => Promise<void>;
}

/*
 * What Neon runs in front of its databases, reduced to the part its driver needs: every binary
 * WebSocket message is raw Postgres wire protocol, piped to one TCP socket and back. The target
 * is fixed (not taken from the `?address=` the driver may send), so this is no open relay.
 */
export async function startWsProxy(target: { host: string; port: number }): Promise<WsProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });

  server.on("connection", (socket) => {
    const tcp = net.connect(target.port, target.host);
    tcp.setNoDelay(true);
    // net.Socket queues writes made before it connects, so early client bytes are kept.
    socket.on("message", (data: RawData) => {
      tcp.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    });
    tcp.on("data", (chunk) => {
      if (socket.readyState === socket.OPEN) socket.send(chunk, { binary: true });
    });
    socket.on("close", () => tcp.end());
    socket.on("error", () => tcp.destroy());
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.terminate());
  });

  const address = server.address();
  if (typeof address === "string" || !address) throw new Error("WebSocket proxy has no TCP address");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
