import { beforeEach, expect, it, vi } from "vitest";
import { listSessionHistory } from "@/db/queries/history";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { storeConversation } from "@/db/test/history-fixtures";

const state = vi.hoisted(() => ({ userId: null as string | null, db: null as unknown }));

vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  return {
    requireUser: async () => {
      if (!state.userId) throw new AppError("unauthorized:auth");
      return { id: state.userId, name: "Test", email: "t@example.test", role: "user" };
    },
    requireAdmin: async () => {
      throw new AppError("not_found:admin");
    },
  };
});
vi.mock("@/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { renameSession } = await import("./actions");

describeEachDriver("renameSession with a title Postgres cannot store", ({ db }) => {
  beforeEach(async () => {
    state.db = db();
    state.userId = (await createTestUser(db())).id;
  });

  it("answers bad_request naming the title, and keeps the old one", async () => {
    const session = await storeConversation(db(), { userId: state.userId!, startedAt: new Date("2030-01-01T10:00:00Z"), title: "Dinner" });
    const result = await renameSession({ sessionId: session.id, title: "Din\u0000ner" });
    expect(result).toEqual({ ok: false, error: { code: "bad_request:input", message: expect.any(String), fieldErrors: { title: [expect.stringMatching(/NUL/)] } } });
    const { items } = await listSessionHistory(db(), { userId: state.userId! });
    expect(items[0]?.title).toBe("Dinner");
  });
});
