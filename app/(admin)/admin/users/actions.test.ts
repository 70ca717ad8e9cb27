import { beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { acting } from "@/db/test/acting-user";

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { banUser, revokeUserSessions, unbanUser } = await import("./actions");

describeEachDriver("admin actions with a user id Postgres cannot take", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    Object.assign(acting, { userId: (await createTestUser(db(), { role: "admin" })).id, role: "admin" });
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
