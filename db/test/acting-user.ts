import { AppError } from "@/lib/errors/app-error";

/*
 * Who is signed in, and which database the app reaches, in a test of server actions and route
 * handlers. vi.mock factories cannot share code by import at the top of a file (they are hoisted
 * above it), so each test points its mocks here:
 *
 *   vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
 *   vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));
 *
 * and then sets `acting.userId` (null: signed out), `acting.role` and `acting.db`.
 */
export const acting: { userId: string | null; role: "user" | "admin"; db: unknown } = { userId: null, role: "user", db: null };

/** Stands in for lib/auth/session: the acting user, with the same refusals the real one gives. */
export function sessionModule() {
  const requireUser = async () => {
    if (!acting.userId) throw new AppError("unauthorized:auth");
    return { id: acting.userId, name: "Test", email: `${acting.userId}@example.test`, role: acting.role };
  };
  const requireAdmin = async () => {
    const user = await requireUser();
    if (user.role !== "admin") throw new AppError("not_found:admin");
    return user;
  };
  return {
    requireUser,
    requireAdmin,
    requirePageUser: requireUser,
    requirePageAdmin: requireAdmin,
    getSessionUser: async () => (acting.userId ? requireUser() : null),
    getCurrentSessionId: async () => (acting.userId ? "test-current-session" : null),
  };
}

/** Stands in for db/index: everything as it is, except that the app's handle is the test's. */
export function databaseModule(original: object) {
  return { ...original, getDb: async () => acting.db, getDatabase: async () => ({ db: acting.db, driver: "pglite", close: async () => {} }) };
}
