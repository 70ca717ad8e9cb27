import { expect, it } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import type { TurnInput } from "@/lib/live/contract";
import { createLiveSession, endLiveSession, getLiveSessionDetail, markLiveSessionActive } from "./live-sessions";
import { appendTurns } from "./transcripts";

const values = { model: "m", voice: "Puck", personaId: null, cameraEnabled: true, micEnabled: true, systemInstruction: "Be brief." };

const turn = (sequenceNumber: number, extra: Partial<TurnInput> = {}): TurnInput => ({
  sequenceNumber,
  sender: sequenceNumber % 2 === 0 ? "user" : "model",
  text: `line ${sequenceNumber}`,
  startOffsetMs: sequenceNumber * 1000,
  endOffsetMs: sequenceNumber * 1000 + 700,
  latencyMs: sequenceNumber % 2 === 0 ? null : 400 + sequenceNumber,
  interrupted: false,
  inputTokens: null,
  outputTokens: null,
  ...extra,
});

describeEachDriver("getLiveSessionDetail", ({ db }) => {
  it("returns the owner's session, its turns in sequence order and, once ended, its analytics", async () => {
    const user = await createTestUser(db());
    const t0 = new Date("2030-03-01T08:00:00Z");
    const session = await createLiveSession(db(), { userId: user.id, values, now: t0 });
    await markLiveSessionActive(db(), { userId: user.id, sessionId: session.id, now: t0 });
    // Stored out of order, as retried batches can arrive.
    await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [turn(2), turn(3, { interrupted: true, heardMs: 250 })] });
    await appendTurns(db(), { userId: user.id, sessionId: session.id, turns: [turn(0), turn(1)] });

    const open = await getLiveSessionDetail(db(), { userId: user.id, sessionId: session.id });
    expect(open.session).toMatchObject({ id: session.id, status: "ACTIVE", voice: "Puck", cameraEnabled: true });
    expect(open.session).not.toHaveProperty("userId");
    expect(open.turns.map((t) => [t.sequenceNumber, t.sender, t.text])).toEqual([
      [0, "user", "line 0"],
      [1, "model", "line 1"],
      [2, "user", "line 2"],
      [3, "model", "line 3"],
    ]);
    expect(open.turns[3]).toMatchObject({ transcriptionType: "output", latencyMs: 403, interrupted: true, heardMs: 250 });
    expect(open.analytics).toBeNull();

    await endLiveSession(db(), { userId: user.id, sessionId: session.id, status: "ENDED", stats: { audioSeconds: 4, videoFrameCount: 3, errorCount: 0, resumptions: 1 }, now: new Date(t0.getTime() + 10_000) });
    const ended = await getLiveSessionDetail(db(), { userId: user.id, sessionId: session.id });
    expect(ended.session).toMatchObject({ status: "ENDED", totalDurationSeconds: 10 });
    expect(ended.analytics).toMatchObject({ userMessageCount: 2, modelMessageCount: 2, interruptionCount: 1, videoFrameCount: 3, responseTimeMeanMs: 402 });
    expect(ended.analytics).not.toHaveProperty("userId");
  });

  it("answers not_found for another user's session and for an unknown id", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    const session = await createLiveSession(db(), { userId: alice.id, values });
    const notFound = { code: "not_found:session", status: 404 };
    await expect(getLiveSessionDetail(db(), { userId: bob.id, sessionId: session.id })).rejects.toMatchObject(notFound);
    await expect(getLiveSessionDetail(db(), { userId: alice.id, sessionId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject(notFound);
  });
});
