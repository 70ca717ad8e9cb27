import { expect, it } from "vitest";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { liveSessions, transcriptions } from "../schema";
import { listLiveOperations } from "./operators";

describeEachDriver("operators view", ({ db }) => {
  it("lists open conversations with their p95 and counters, metadata only, for admins only", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const member = await createTestUser(db());
    const now = new Date();
    const [open] = await db()
      .insert(liveSessions)
      .values({ userId: member.id, model: "m", voice: "Puck", status: "ACTIVE", title: "secret title", personaName: "Secret persona", startedAt: new Date(now.getTime() - 60_000), lastActivityAt: now, clientStats: { audioSeconds: 1, videoFrameCount: 0, errorCount: 2, resumptions: 3 } })
      .returning();
    await db().insert(liveSessions).values({ userId: member.id, model: "m", voice: "Puck", status: "ENDED" });
    for (const [i, ms] of [100, 200, 900].entries()) {
      await db().insert(transcriptions).values({ sessionId: open!.id, userId: member.id, sender: "model", text: "hidden words", transcriptionType: "output", sequenceNumber: i, latencyMs: ms });
    }
    const mine = (await listLiveOperations(db(), { actorId: admin.id, now })).filter((o) => o.userId === member.id);
    expect(mine).toEqual([
      expect.objectContaining({ sessionId: open!.id, email: member.email, status: "ACTIVE", p95Ms: 900, turns: 3, reconnects: 3, errors: 2 }),
    ]);
    expect(JSON.stringify(mine)).not.toMatch(/secret|hidden/i);
    await expect(listLiveOperations(db(), { actorId: member.id })).rejects.toMatchObject({ code: "not_found:admin" });
  });
});
