import { beforeEach, expect, it, vi } from "vitest";
import { createLiveSession, endLiveSession } from "@/db/queries/live-sessions";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { frameReplayPath } from "@/lib/media/limits";
import { postgresMediaStorage } from "@/lib/media/storage";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { GET } = await import("./route");

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: true, micEnabled: true, systemInstruction: "" };
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

function get(sessionId: string, frameId: string) {
  return GET(new Request(`http://localhost${frameReplayPath(sessionId, frameId)}`), { params: Promise.resolve({ id: sessionId, frameId }) });
}

describeEachDriver("GET /api/sessions/:id/media/frames/:frameId", ({ db }) => {
  beforeEach(() => {
    acting.db = db();
    acting.userId = null;
  });

  async function withFrame() {
    const user = await createTestUser(db());
    const session = await createLiveSession(db(), { userId: user.id, values });
    const frame = await postgresMediaStorage(db()).putFrame({ userId: user.id, sessionId: session.id }, { offsetMs: 1000, mimeType: "image/jpeg", width: 2, height: 2, bytes: JPEG });
    acting.userId = user.id;
    return { user, sessionId: session.id, frameId: frame.id };
  }

  it("serves the owner's frame", async () => {
    const { sessionId, frameId } = await withFrame();
    const response = await get(sessionId, frameId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...JPEG]);
  });

  it("answers 404 to another user, for a frame asked for under another conversation, and for malformed ids", async () => {
    const { user, sessionId, frameId } = await withFrame();
    // The owner's frame under the owner's other conversation is still not there.
    await endLiveSession(db(), { userId: user.id, sessionId, status: "ENDED" });
    const other = await createLiveSession(db(), { userId: user.id, values: { ...values, cameraEnabled: false } });
    expect((await get(other.id, frameId)).status).toBe(404);

    acting.userId = (await createTestUser(db())).id;
    const denied = await get(sessionId, frameId);
    expect(denied.status).toBe(404);
    expect(await denied.json()).toEqual({ code: "not_found:media", message: expect.any(String) });
    expect((await get(sessionId, "nope")).status).toBe(404);
    expect((await get("nope", frameId)).status).toBe(404);
  });
});
