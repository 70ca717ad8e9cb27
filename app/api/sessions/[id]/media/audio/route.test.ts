import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NodeNextRequest, NodeNextResponse } from "next/dist/server/base-http/node";
import { sendResponse } from "next/dist/server/send-response";
import { beforeEach, expect, it, vi } from "vitest";
import { createLiveSession } from "@/db/queries/live-sessions";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { audioReplayPath } from "@/lib/media/limits";
import { postgresMediaStorage } from "@/lib/media/storage";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { GET, HEAD } = await import("./route");

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
// Three segments of 10, 6 and 8 bytes: 24 bytes in all, each byte telling where it came from.
const SEGMENTS = [10, 6, 8].map((length, n) => Uint8Array.from({ length }, (_, i) => (n === 0 && i < 4 ? EBML[i]! : n * 50 + i)));
const WHOLE = SEGMENTS.flatMap((bytes) => [...bytes]);

/**
 * The handler's answer written to a real socket by the same function `next start` uses for
 * route handlers, which drops the headers it cannot vouch for (Content-Length among them).
 */
async function overHttp(method: "GET" | "HEAD", sessionId: string, headers: Record<string, string> = {}) {
  const server = createServer((req, res) => {
    void call(method, sessionId, headers).then((response) => sendResponse(new NodeNextRequest(req), new NodeNextResponse(res), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { method, headers });
    return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
  } finally {
    server.close();
  }
}

function call(method: "GET" | "HEAD", sessionId: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost${audioReplayPath(sessionId)}`, { method, headers });
  return (method === "GET" ? GET : HEAD)(request, { params: Promise.resolve({ id: sessionId }) });
}

describeEachDriver("GET /api/sessions/:id/media/audio", ({ db }) => {
  beforeEach(() => {
    acting.db = db();
    acting.userId = null;
  });

  async function recorded() {
    const user = await createTestUser(db());
    const session = await createLiveSession(db(), { userId: user.id, values });
    const storage = postgresMediaStorage(db());
    for (const [n, bytes] of SEGMENTS.entries()) {
      await storage.putAudioSegment({ userId: user.id, sessionId: session.id }, { sequenceNumber: n, mimeType: "audio/webm;codecs=opus", startOffsetMs: 800 + n * 3000, durationMs: 3000, bytes });
    }
    acting.userId = user.id;
    return session.id;
  }

  it("serves the segments as one file, and any byte range of it for seeking", async () => {
    const sessionId = await recorded();
    const full = await call("GET", sessionId);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("audio/webm;codecs=opus");
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(full.headers.get("content-length")).toBe("24");
    expect([...new Uint8Array(await full.arrayBuffer())]).toEqual(WHOLE);

    // A range across a segment boundary, an open-ended one and a suffix.
    for (const [range, start, end] of [
      ["bytes=8-17", 8, 17],
      ["bytes=16-", 16, 23],
      ["bytes=-5", 19, 23],
    ] as const) {
      const partial = await call("GET", sessionId, { range });
      expect(partial.status, range).toBe(206);
      expect(partial.headers.get("content-range")).toBe(`bytes ${start}-${end}/24`);
      expect(partial.headers.get("content-length")).toBe(String(end - start + 1));
      expect([...new Uint8Array(await partial.arrayBuffer())]).toEqual(WHOLE.slice(start, end + 1));
    }

    const past = await call("GET", sessionId, { range: "bytes=24-" });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */24");

    const head = await call("HEAD", sessionId, { range: "bytes=0-3" });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-length")).toBe("4");
    expect(await head.text()).toBe("");
  });

  it("HEAD over HTTP says how long the recording (or the range) is, as GET would, with no body", async () => {
    const sessionId = await recorded();
    const head = await overHttp("HEAD", sessionId);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("24");
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    expect(head.body.byteLength).toBe(0);

    const partial = await overHttp("HEAD", sessionId, { range: "bytes=4-9" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-length")).toBe("6");
    expect(partial.headers.get("content-range")).toBe("bytes 4-9/24");

    const get = await overHttp("GET", sessionId, { range: "bytes=4-9" });
    expect(get.headers.get("content-length")).toBe("6");
    expect([...get.body]).toEqual(WHOLE.slice(4, 10));
  });

  it("answers 404 to another user, for a conversation not recorded and for a malformed id; 401 signed out", async () => {
    const sessionId = await recorded();
    acting.userId = (await createTestUser(db())).id;
    for (const method of ["GET", "HEAD"] as const) {
      const denied = await call(method, sessionId, { range: "bytes=0-9" });
      expect(denied.status, method).toBe(404);
    }
    expect(await (await call("GET", sessionId)).json()).toEqual({ code: "not_found:session", message: expect.any(String) });

    const unrecorded = await createLiveSession(db(), { userId: acting.userId, values });
    expect(await (await call("GET", unrecorded.id)).json()).toMatchObject({ code: "not_found:media" });
    expect((await call("GET", "not-a-uuid")).status).toBe(404);

    acting.userId = null;
    expect((await call("GET", sessionId)).status).toBe(401);
  });
});
