import { randomUUID } from "node:crypto";
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
// Every sign-up and sign-in hashes with scrypt on purpose; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 60_000 });

const { createAuth } = await import("./server");
const { appBaseUrl, env, parseEnvForTests } = await import("@/lib/env");

const STRONG = "correct horse battery";

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
    auth.api.signUpEmail({ body: { email, name, password: STRONG } });
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

  it("refuses a short password", async () => {
    await expect(
      auth.api.signUpEmail({ body: { email: "short@example.com", name: "S", password: "1234567" } }),
    ).rejects.toMatchObject({ body: { code: "PASSWORD_TOO_SHORT" } });
  });

  it("answers a taken email exactly as a new one, without signing anyone in", async () => {
    const fresh = await signUp("taken@example.com");
    const again = await signUp("taken@example.com");
    expect(fresh.token).toBeNull();
    expect(again.token).toBeNull();
    expect(Object.keys(again.user).sort()).toEqual(Object.keys(fresh.user).sort());
    expect(again.user).toMatchObject({ email: "taken@example.com", name: "Someone", role: "user" });
    expect(await db().select().from(user).where(eq(user.email, "taken@example.com"))).toHaveLength(1);
  });

  it.each([
    ["a heavily used password", { password: "password" }, "WEAK_PASSWORD", /heavily used password/],
    ["one character repeated", { password: "aaaaaaaa" }, "WEAK_PASSWORD", /Repeated characters/],
    ["eight spaces", { password: "        " }, "WEAK_PASSWORD", /Repeated characters/],
    ["the account's own email as password", { email: "lovelace.ada@example.com", password: "lovelace.ada@example.com" }, "WEAK_PASSWORD", /./],
    ["a 100 000-character name", { name: "n".repeat(100_000) }, "NAME_TOO_LONG", /100 characters/],
    ["a name with control characters", { name: "Ada\u0000Lovelace" }, "INVALID_NAME", /name/],
    ["a blank name", { name: "   " }, "INVALID_NAME", /name/],
    ["a 300-character email", { email: `${"e".repeat(290)}@example.com` }, "INVALID_EMAIL", /email/],
    ["a 5 000-character image URL", { image: `https://example.com/${"i".repeat(5000)}` }, "INVALID_FIELD", /image/],
  ])("refuses %s with a reason, storing nothing", async (_label, change, code, message) => {
    const email = `weak-${randomUUID()}@example.com`;
    const body = { email, name: "Ada", password: STRONG, ...change };
    await expect(auth.api.signUpEmail({ body })).rejects.toMatchObject({ statusCode: 400, body: { code, message: expect.stringMatching(message) } });
    expect(await db().select().from(user).where(eq(user.email, body.email.toLowerCase()))).toHaveLength(0);
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
    await watchedAuth.api.signUpEmail({ body: { email: "one-query@example.com", name: "One", password: STRONG } });
    // Sign-up starts no session (a taken email must look like a new one); signing in does.
    const signedIn = await watchedAuth.api.signInEmail({ body: { email: "one-query@example.com", password: STRONG }, returnHeaders: true });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie).toMatch(/^better-auth\.session_token=/);

    statements.length = 0;
    const found = await watchedAuth.api.getSession({ headers: new Headers({ cookie }) });
    expect(found?.user.email).toBe("one-query@example.com");
    expect(statements).toHaveLength(1);

    await db().delete(session).where(eq(session.userId, found!.user.id));
    expect(await watchedAuth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    auth.handler(
      new Request(`${appBaseUrl()}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: appBaseUrl(), ...headers },
        body: JSON.stringify(body),
      }),
    );

  it("does not let a rotated X-Forwarded-For reset the sign-in limit", async () => {
    await db().delete(rateLimit);
    await signUp("spoofer@example.com");
    const attempts = [];
    for (let i = 1; i <= 5; i++) {
      attempts.push((await post("/sign-in/email", { email: "spoofer@example.com", password: "wrong password!" }, { "x-forwarded-for": `198.51.100.${i}` })).status);
    }
    expect(attempts.slice(0, 3)).toEqual([401, 401, 401]);
    expect(attempts.slice(3)).toEqual([429, 429]);
  });

  async function signedInCookie(email: string) {
    const response = await post("/sign-in/email", { email, password: STRONG }, { "x-forwarded-for": "192.0.2.200" });
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    expect(cookie).toMatch(/session_token=/);
    return cookie!;
  }

  it("answers our 404 to every better-auth admin endpoint over HTTP, admin or not, and never impersonates", async () => {
    await db().delete(rateLimit);
    await signUp("victim@example.com");
    const victimId = (await db().select({ id: user.id }).from(user).where(eq(user.email, "victim@example.com")))[0]!.id;
    // boss@example.com is an admin by ADMIN_EMAILS; second@example.com a member.
    for (const email of ["boss@example.com", "second@example.com"]) {
      const cookie = await signedInCookie(email);
      for (const [path, body] of [
        ["/admin/impersonate-user", { userId: victimId }],
        ["/admin/set-user-password", { userId: victimId, newPassword: "taken-over-by-admin-7" }],
        ["/admin/set-role", { userId: victimId, role: "admin" }],
        ["/admin/remove-user", { userId: victimId }],
        ["/admin/create-user", { email: "made@example.com", password: STRONG, name: "Made" }],
        ["/admin/ban-user", { userId: victimId }],
      ] as const) {
        const response = await post(path, body, { cookie });
        expect({ path, email, status: response.status, body: await response.json() }).toEqual({ path, email, status: 404, body: { code: "not_found:admin", message: "Not found." } });
      }
      const list = await auth.handler(new Request(`${appBaseUrl()}/api/auth/admin/list-users`, { headers: { cookie, origin: appBaseUrl() } }));
      expect(list.status).toBe(404);
    }
    expect(await roleOf("victim@example.com")).toBe("user");
    expect(await db().select().from(user).where(eq(user.email, "made@example.com"))).toHaveLength(0);
    expect(await db().select().from(session).where(eq(session.userId, victimId))).toHaveLength(0);
  });

  it("refuses impersonation even when called in-process with an admin's session", async () => {
    const cookie = await signedInCookie("boss@example.com");
    const victimId = (await db().select({ id: user.id }).from(user).where(eq(user.email, "victim@example.com")))[0]!.id;
    await expect(auth.api.impersonateUser({ body: { userId: victimId }, headers: new Headers({ cookie }) })).rejects.toMatchObject({ statusCode: 404 });
    expect(await db().select().from(session).where(eq(session.userId, victimId))).toHaveLength(0);
  });
});

describeEachDriver("better-auth behind a proxy we were told about", ({ db }) => {
  const attempt = (auth: ReturnType<typeof createAuth>, headers: Record<string, string>) =>
    auth.handler(
      new Request(`${appBaseUrl()}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: appBaseUrl(), ...headers },
        body: JSON.stringify({ email: "nobody@example.com", password: "wrong password!" }),
      }),
    );

  it("keys the limits on the configured header only, so clients behind it get their own", async () => {
    const behindProxy = createAuth(db(), { ...env, ...parseEnvForTests({ ...process.env, AUTH_TRUSTED_IP_HEADER: "X-Real-IP" } as NodeJS.ProcessEnv) });
    const statuses = async (headers: Record<string, string>) => {
      const out = [];
      for (let i = 0; i < 4; i++) out.push((await attempt(behindProxy, headers)).status);
      return out;
    };
    // One client behind the proxy: limited, however it rotates X-Forwarded-For.
    const one = [];
    for (let i = 0; i < 4; i++) one.push((await attempt(behindProxy, { "x-real-ip": "203.0.113.1", "x-forwarded-for": `198.51.100.${i}` })).status);
    expect(one).toEqual([401, 401, 401, 429]);
    // Another client, as the proxy reports it, has its own allowance.
    expect(await statuses({ "x-real-ip": "203.0.113.2" })).toEqual([401, 401, 401, 429]);
  });
});
