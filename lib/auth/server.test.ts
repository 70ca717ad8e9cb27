import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { schema, type Database } from "@/db";
import { rateLimit, session, user } from "@/db/schema";
import { describeEachDriver, type DriverName } from "@/db/test/drivers";

// lib/env reads process.env once, at import: configure before anything imports it.
const restoreEnv = vi.hoisted(() => {
  const settings = {
    BETTER_AUTH_SECRET: "test-secret-".padEnd(40, "x"),
    ADMIN_EMAILS: "Boss@Example.com",
    AUTH_SIGN_IN_RATE_LIMIT_MAX: "3",
  };
  const before = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
});
afterAll(restoreEnv);

const { createAuth } = await import("./server");
const { appBaseUrl } = await import("@/lib/env");

/** The same connection, with every statement it sends written down. */
async function recording(db: Database, driver: DriverName): Promise<{ db: Database; statements: string[] }> {
  const statements: string[] = [];
  const config = { client: (db as unknown as { $client: never }).$client, schema, logger: { logQuery: (query: string) => statements.push(query) } };
  const made =
    driver === "pglite"
      ? (await import("drizzle-orm/pglite")).drizzle(config)
      : driver === "pg"
        ? (await import("drizzle-orm/node-postgres")).drizzle(config)
        : (await import("drizzle-orm/neon-serverless")).drizzle(config);
  return { db: made as unknown as Database, statements };
}

describeEachDriver("better-auth on the app's schema", ({ db, driver }) => {
  let auth: ReturnType<typeof createAuth>;
  beforeAll(() => {
    auth = createAuth(db());
    // Wrong passwords are the point of these tests; better-auth's warnings about them are noise.
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });

  const signUp = (email: string, name = "Someone") =>
    auth.api.signUpEmail({ body: { email, name, password: "correct horse battery" } });
  const roleOf = async (email: string) =>
    (await db().select({ role: user.role }).from(user).where(eq(user.email, email)))[0]?.role;

  it("makes the first account an admin, later ones users, and listed emails admins", async () => {
    await signUp("first@example.com");
    await signUp("second@example.com");
    await signUp("boss@example.com");
    expect(await roleOf("first@example.com")).toBe("admin");
    expect(await roleOf("second@example.com")).toBe("user");
    expect(await roleOf("boss@example.com")).toBe("admin");
  });

  it("refuses a taken email and a short password", async () => {
    await signUp("taken@example.com");
    await expect(signUp("taken@example.com")).rejects.toMatchObject({ statusCode: 422 });
    await expect(
      auth.api.signUpEmail({ body: { email: "short@example.com", name: "S", password: "1234567" } }),
    ).rejects.toMatchObject({ body: { code: "PASSWORD_TOO_SHORT" } });
  });

  it("signs in with the right password only, and limits attempts in the database", async () => {
    await signUp("signin@example.com");
    const attempt = (password: string) =>
      auth.handler(
        new Request(`${appBaseUrl()}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: appBaseUrl(), "x-forwarded-for": "203.0.113.7" },
          body: JSON.stringify({ email: "signin@example.com", password }),
        }),
      );
    const ok = await attempt("correct horse battery");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/better-auth\.session_token=/);
    expect((await attempt("wrong password!")).status).toBe(401);
    expect((await attempt("wrong password!")).status).toBe(401);
    expect((await attempt("correct horse battery")).status).toBe(429);
    expect((await db().select().from(rateLimit)).length).toBeGreaterThan(0);
  });

  it("checks a request's session and its user in one statement, and a revoked session not at all", async () => {
    const { db: watched, statements } = await recording(db(), driver);
    const watchedAuth = createAuth(watched);
    const signedUp = await watchedAuth.api.signUpEmail({ body: { email: "one-query@example.com", name: "One", password: "correct horse battery" }, returnHeaders: true });
    const cookie = (signedUp.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie).toMatch(/^better-auth\.session_token=/);

    statements.length = 0;
    const found = await watchedAuth.api.getSession({ headers: new Headers({ cookie }) });
    expect(found?.user.email).toBe("one-query@example.com");
    expect(statements).toHaveLength(1);

    await db().delete(session).where(eq(session.userId, found!.user.id));
    expect(await watchedAuth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });
});
