import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { user } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";

const restoreEnv = vi.hoisted(() => {
  const before = process.env.BETTER_AUTH_SECRET;
  process.env.BETTER_AUTH_SECRET = "test-secret-".padEnd(40, "x");
  return () => {
    if (before === undefined) delete process.env.BETTER_AUTH_SECRET;
    else process.env.BETTER_AUTH_SECRET = before;
  };
});
afterAll(restoreEnv);

// A loaded server takes a while between reading the accounts and writing one; so does every
// account query here, which widens the window a race needs as far as it can be in production.
vi.mock("@/db/queries/users", async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  const slow = (fn: (...args: unknown[]) => Promise<unknown>) => async (...args: unknown[]) => {
    const result = await fn(...args);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return result;
  };
  return Object.fromEntries(Object.entries(original).map(([name, value]) => [name, typeof value === "function" ? slow(value as never) : value]));
});

const { createAuth } = await import("./server");

describeEachDriver("the first account is the one admin, even when sign-ups race", ({ db }) => {
  let auth: ReturnType<typeof createAuth>;
  beforeAll(() => {
    auth = createAuth(db());
  });

  it("makes exactly one of several simultaneous first sign-ups an admin, and no later one", async () => {
    const racers = Array.from({ length: 6 }, (_, index) => `racer-${index}@example.com`);
    await Promise.all(
      racers.map((email) => auth.api.signUpEmail({ body: { email, name: "Racer", password: "correct horse battery" } })),
    );
    await auth.api.signUpEmail({ body: { email: "late@example.com", name: "Late", password: "correct horse battery" } });
    const rows = await db().select({ email: user.email, role: user.role }).from(user);
    expect(rows).toHaveLength(7);
    expect(rows.filter((row) => row.role === "admin")).toHaveLength(1);
    expect(rows.find((row) => row.email === "late@example.com")?.role).toBe("user");
  }, 60_000);
});
