import { beforeEach, expect, it, vi } from "vitest";
import { createLiveSession } from "@/db/queries/live-sessions";
import { listTurns } from "@/db/queries/transcripts";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { turnsPath, type TurnInput } from "@/lib/live/contract";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { POST } = await import("./route");

const turn = (sequenceNumber: number): TurnInput => ({
  sequenceNumber,
  sender: "user",
  text: `said ${sequenceNumber}`,
  startOffsetMs: 0,
  endOffsetMs: 900,
  latencyMs: null,
  interrupted: false,
  inputTokens: null,
  outputTokens: null,
});

function post(sessionId: string, body: string, contentType = "application/json") {
  const request = new Request(`http://localhost${turnsPath(sessionId)}`, { method: "POST", body, headers: { "content-type": contentType } });
  return POST(request, { params: Promise.resolve({ id: sessionId }) });
}

describeEachDriver("POST /api/live/sessions/:id/turns", ({ db }) => {
  beforeEach(() => {
    acting.db = db();
    acting.userId = null;
  });

  async function ownedSession() {
    const user = await createTestUser(db());
    const values = { model: "m", voice: "Zephyr", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
    const session = await createLiveSession(db(), { userId: user.id, values });
    acting.userId = user.id;
    return { user, session };
  }

  it("stores a sendBeacon batch (text/plain) and acknowledges it", async () => {
    const { user, session } = await ownedSession();
    const response = await post(session.id, JSON.stringify({ turns: [turn(0), turn(1)] }), "text/plain;charset=UTF-8");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ acknowledged: [0, 1] });
    expect((await listTurns(db(), { userId: user.id, sessionId: session.id })).map((t) => t.text)).toEqual(["said 0", "said 1"]);
  });

  it("answers 404 with {code,message} for another user's session", async () => {
    const { session } = await ownedSession();
    acting.userId = (await createTestUser(db())).id;
    const response = await post(session.id, JSON.stringify({ turns: [turn(0)] }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: "not_found:session", message: expect.any(String) });
  });

  it("answers 400 for a malformed id, bad JSON or an invalid batch; 401 signed out", async () => {
    const { session } = await ownedSession();
    const malformed = await post("not-a-uuid", JSON.stringify({ turns: [turn(0)] }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "bad_request:input" });

    const notJson = await post(session.id, "{turns:");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).message).toMatch(/JSON/);

    const invalid = await post(session.id, JSON.stringify({ turns: [{ ...turn(0), sequenceNumber: -1 }] }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: "bad_request:input", fieldErrors: { "turns.0.sequenceNumber": expect.any(Array) } });

    const empty = await post(session.id, JSON.stringify({ turns: [] }));
    expect(empty.status).toBe(400);

    acting.userId = null;
    const signedOut = await post(session.id, JSON.stringify({ turns: [turn(0)] }));
    expect(signedOut.status).toBe(401);
  });

  it.each([
    ["a NUL byte in the text", { text: "said\u0000 this" }, "turns.0.text"],
    ["startOffsetMs past an int4 column", { startOffsetMs: 2_147_483_648 }, "turns.0.startOffsetMs"],
    ["startOffsetMs of 9e15 (no Date)", { startOffsetMs: 9e15 }, "turns.0.startOffsetMs"],
    ["endOffsetMs past an int4 column", { endOffsetMs: 2_147_483_648 }, "turns.0.endOffsetMs"],
    ["inputTokens past an int4 column", { inputTokens: 2_147_483_648 }, "turns.0.inputTokens"],
    ["outputTokens past an int4 column", { outputTokens: 2_147_483_648 }, "turns.0.outputTokens"],
  ])("answers 400 naming the field for %s, and stores nothing of the batch", async (_label, change, field) => {
    const { user, session } = await ownedSession();
    const response = await post(session.id, JSON.stringify({ turns: [turn(0), { ...turn(1), ...change }] }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_request:input", message: expect.any(String), fieldErrors: { [field.replace("0", "1")]: expect.any(Array) } });
    expect(await listTurns(db(), { userId: user.id, sessionId: session.id })).toEqual([]);
  });

  it("stores counts up to the column's maximum", async () => {
    const { user, session } = await ownedSession();
    const response = await post(session.id, JSON.stringify({ turns: [{ ...turn(0), sender: "model", inputTokens: 2_147_483_647, outputTokens: 2_147_483_647 }] }));
    expect(response.status).toBe(200);
    expect((await listTurns(db(), { userId: user.id, sessionId: session.id }))[0]).toMatchObject({ inputTokens: 2_147_483_647 });
  });
});
