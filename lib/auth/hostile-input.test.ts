import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { user } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { mutated } from "@/db/test/fuzz";

/*
 * better-auth's endpoints, as a stranger or a signed-in member can call them over HTTP, with the
 * hostile values of the input fuzz suite (db/test/fuzz.ts): never a 5xx, never an error that
 * escapes, and a 4xx says why. (Our own routes and actions are fuzzed in app/input-fuzz.test.ts.)
 */

const restoreEnv = vi.hoisted(() => {
  const settings = { BETTER_AUTH_SECRET: "test-secret-".padEnd(40, "h"), AUTH_SIGN_IN_RATE_LIMIT_MAX: "100000", AUTH_RATE_LIMIT_MAX: "1000000" };
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
// Sign-up, sign-in and password changes hash with scrypt on purpose.
vi.setConfig({ testTimeout: 120_000 });

const { createAuth } = await import("./server");
const { appBaseUrl } = await import("@/lib/env");

const PASSWORD = "correct horse battery";

describeEachDriver(
  "better-auth's endpoints under hostile input",
  ({ db }) => {
    let auth: ReturnType<typeof createAuth>;
    let cookie = "";
    const errors: unknown[][] = [];

    beforeAll(async () => {
      auth = createAuth(db());
      vi.spyOn(console, "info").mockImplementation(() => {});
      vi.spyOn(console, "warn").mockImplementation(() => {});
      vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args));
      await auth.api.signUpEmail({ body: { email: "member@example.com", name: "Member", password: PASSWORD } });
      const signedIn = await auth.api.signInEmail({ body: { email: "member@example.com", password: PASSWORD }, returnHeaders: true });
      cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    });

    // Each test starts with a clean record of what was logged as an error.
    beforeEach(() => void (errors.length = 0));

    const send = (method: "GET" | "POST", path: string, body?: unknown, signedIn = true) =>
      auth.handler(
        new Request(`${appBaseUrl()}/api/auth${path}`, {
          method,
          headers: { "content-type": "application/json", origin: appBaseUrl(), ...(signedIn ? { cookie } : {}) },
          ...(method === "POST" ? { body: JSON.stringify(body) ?? "null" } : {}),
        }),
      );

    async function outcome(response: Response) {
      const text = await response.text();
      let message = "";
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? "";
      } catch {
        message = text;
      }
      return { status: response.status, message };
    }

    it("refuses a NUL byte in any field with a 400 that says so, before any query", async () => {
      const cases: [string, unknown, boolean][] = [
        ["/reset-password", { newPassword: "violet lantern orchard", token: "a\u0000b" }, false],
        ["/revoke-session", { token: "a\u0000b" }, true],
        ["/update-user", { image: "https://example.com/a\u0000.png" }, true],
        ["/sign-up/email", { name: "Nul", email: "nul@example.com", password: PASSWORD, image: "x\u0000" }, false],
        ["/sign-in/email", { email: "member@example.com", password: `${PASSWORD}\u0000` }, false],
        ["/update-user", { name: "Fine", ["extra\u0000"]: "x" }, true],
      ];
      for (const [path, body, signedIn] of cases) {
        expect({ path, ...(await outcome(await send("POST", path, body, signedIn))) }).toEqual({
          path,
          status: 400,
          message: "The request holds a character that is not allowed (U+0000).",
        });
      }
      expect(errors).toEqual([]);
    });

    it("refuses a name that is not text, or shows nothing, or turns text around", async () => {
      for (const name of [null, 42, { first: "A" }, ["A"], "\u200b\u200b", " \u2060 ", "\u202Egnp.exe", "Ann\u2067e"]) {
        expect({ name, ...(await outcome(await send("POST", "/update-user", { name }))) }).toMatchObject({ name, status: 400 });
      }
      const signUp = await send("POST", "/sign-up/email", { name: "\u200b", email: "blank@example.com", password: PASSWORD }, false);
      expect(signUp.status).toBe(400);
      expect(await db().select().from(user).where(eq(user.email, "blank@example.com"))).toEqual([]);
      // Names in any script, with emoji joined by zero-width joiners, stay welcome.
      expect((await send("POST", "/update-user", { name: "Zoë 👩‍👩‍👧 محمد" })).status).toBe(200);
      expect((await db().select({ name: user.name }).from(user).where(eq(user.email, "member@example.com")))[0]?.name).toBe("Zoë 👩‍👩‍👧 محمد");
      expect((await send("POST", "/update-user", { image: 7 })).status).toBe(400);
      expect(errors).toEqual([]);
    });

    it("sends the browser only to a page of this site after a link, and says so otherwise", async () => {
      const bad = ["https://evil.example/reset", "//evil.example", "/\\evil.example", "/\t/evil.example", "-1399772669", "javascript:alert(1)", ""];
      for (const redirectTo of bad) {
        const answer = await outcome(await send("POST", "/request-password-reset", { email: "member@example.com", redirectTo }, false));
        expect({ redirectTo, ...answer }).toEqual({ redirectTo, status: 400, message: "The redirectTo must be a path on this site, such as /settings." });
      }
      for (const callbackURL of bad) {
        const query = new URLSearchParams({ token: "not-a-token", callbackURL });
        expect({ callbackURL, status: (await send("GET", `/verify-email?${query}`, undefined, false)).status }).toEqual({ callbackURL, status: 400 });
      }
      const fine = await send("GET", `/verify-email?${new URLSearchParams({ token: "not-a-token", callbackURL: "/settings?email=verified" })}`, undefined, false);
      expect(fine.status).toBe(302);
      expect(fine.headers.get("location")).toBe("/settings?email=verified&error=INVALID_TOKEN");
      expect(errors).toEqual([]);
    });

    type Endpoint = { method: "GET" | "POST"; path: string; signedIn: boolean; template: Record<string, unknown> };
    const ENDPOINTS: Endpoint[] = [
      { method: "POST", path: "/sign-up/email", signedIn: false, template: { name: "Fuzz", email: "fuzz@example.com", password: PASSWORD, callbackURL: "/sign-in?verified=1" } },
      { method: "POST", path: "/sign-in/email", signedIn: false, template: { email: "member@example.com", password: "wrong horse battery", callbackURL: "/live", rememberMe: true } },
      { method: "POST", path: "/request-password-reset", signedIn: false, template: { email: "member@example.com", redirectTo: "/reset-password" } },
      { method: "POST", path: "/reset-password", signedIn: false, template: { newPassword: "violet lantern orchard", token: "not-a-token" } },
      { method: "POST", path: "/send-verification-email", signedIn: false, template: { email: "member@example.com", callbackURL: "/sign-in" } },
      { method: "POST", path: "/update-user", signedIn: true, template: { name: "Member", image: null } },
      { method: "POST", path: "/change-email", signedIn: true, template: { newEmail: "other@example.com", callbackURL: "/settings" } },
      { method: "POST", path: "/change-password", signedIn: true, template: { currentPassword: "not the password", newPassword: "violet lantern orchard", revokeOtherSessions: false } },
      { method: "POST", path: "/revoke-session", signedIn: true, template: { token: "someone-elses-token" } },
      { method: "GET", path: "/verify-email", signedIn: false, template: { token: "not-a-token", callbackURL: "/sign-in" } },
      { method: "GET", path: "/reset-password/:token", signedIn: false, template: { token: "not-a-token", callbackURL: "/reset-password" } },
    ];

    for (const endpoint of ENDPOINTS) {
      it(`${endpoint.method} ${endpoint.path}: never a 5xx nor a thrown error, a 4xx says why`, async () => {
        await fc.assert(
          fc.asyncProperty(mutated(endpoint.template), async (input) => {
            const response = await callWith(endpoint, input);
            const { status, message } = await outcome(response);
            expect(status, String(JSON.stringify({ input, message })).slice(0, 500)).toBeLessThan(500);
            if (status >= 400 && status !== 404) expect(message, String(JSON.stringify(input)).slice(0, 500)).toMatch(/\w{3}/);
            expect(errors).toEqual([]);
          }),
          { numRuns: 25, endOnFailure: true },
        );
      });
    }

    function callWith(endpoint: Endpoint, input: unknown): Promise<Response> {
      if (endpoint.method === "POST") return send("POST", endpoint.path, input, endpoint.signedIn);
      const fields = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : { token: input };
      const query = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, typeof value === "string" ? value : (JSON.stringify(value) ?? "")]));
      const token = typeof fields.token === "string" ? fields.token : "x";
      const path = endpoint.path.replace(":token", encodeURIComponent(token.toWellFormed()));
      return send("GET", `${path}?${query}`, undefined, endpoint.signedIn);
    }
  },
  { drivers: ["pglite"] },
);
