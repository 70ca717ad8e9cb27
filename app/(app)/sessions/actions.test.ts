import { beforeEach, expect, it, vi } from "vitest";
import { listSessionHistory } from "@/db/queries/history";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { storeConversation } from "@/db/test/history-fixtures";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { renameSession } = await import("./actions");

describeEachDriver("renameSession with a title Postgres cannot store", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    acting.userId = (await createTestUser(db())).id;
  });

  it("answers bad_request naming the title, and keeps the old one", async () => {
    const session = await storeConversation(db(), { userId: acting.userId!, startedAt: new Date("2030-01-01T10:00:00Z"), title: "Dinner" });
    const result = await renameSession({ sessionId: session.id, title: "Din\u0000ner" });
    expect(result).toEqual({ ok: false, error: { code: "bad_request:input", message: expect.any(String), fieldErrors: { title: [expect.stringMatching(/NUL/)] } } });
    const { items } = await listSessionHistory(db(), { userId: acting.userId! });
    expect(items[0]?.title).toBe("Dinner");
  });
});
