import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";

const state = vi.hoisted(() => ({ adminId: null as string | null, db: null as unknown }));

vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors/app-error");
  const admin = async () => {
    if (!state.adminId) throw new AppError("unauthorized:auth");
    return { id: state.adminId, name: "Admin", email: "a@example.test", role: "admin" as const };
  };
  return { requireUser: admin, requireAdmin: admin };
});
vi.mock("@/db", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { banUser, revokeUserSessions, unbanUser } = await import("./actions");

describeEachDriver("admin actions with a user id Postgres cannot take", ({ db }) => {
  beforeEach(async () => {
    state.db = db();
    state.adminId = (await createTestUser(db(), { role: "admin" })).id;
  });

  it("answer bad_request naming userId (a NUL byte), never a 500", async () => {
    const target = await createTestUser(db());
    const userId = `${target.id}\u0000`;
    for (const result of [
      await banUser({ userId, reason: "Spam, repeatedly", expiresInDays: 1 }),
      await unbanUser({ userId }),
      await revokeUserSessions({ userId }),
    ]) {
      expect(result).toEqual({ ok: false, error: { code: "bad_request:input", message: expect.any(String), fieldErrors: { userId: [expect.stringMatching(/NUL/)] } } });
    }
    const reason = await banUser({ userId: target.id, reason: "Spam\u0000", expiresInDays: 1 });
    expect(reason).toMatchObject({ ok: false, error: { code: "bad_request:input", fieldErrors: { reason: expect.any(Array) } } });
  });
});
