import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { emailOutbox, session, user } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { startSmtpSink } from "@/e2e/support/smtp-sink";

// lib/env reads process.env once, at import: configure before anything imports it.
const restoreEnv = vi.hoisted(() => {
  const settings = { BETTER_AUTH_SECRET: "test-secret-".padEnd(40, "y"), AUTH_SIGN_IN_RATE_LIMIT_MAX: "1000", AUTH_RATE_LIMIT_MAX: "100000" };
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
vi.setConfig({ testTimeout: 60_000 });

const { createAuth } = await import("./server");
const { appBaseUrl, env } = await import("@/lib/env");

const STRONG = "correct horse battery";
const NEWER = "violet lantern orchard";

describeEachDriver(
  "the account lifecycle through better-auth, with the development outbox",
  ({ db }) => {
    let auth: ReturnType<typeof createAuth>;
    beforeAll(() => {
      auth = createAuth(db());
      vi.spyOn(console, "info").mockImplementation(() => {});
      vi.spyOn(console, "warn").mockImplementation(() => {});
    });

    const mail = async (toEmail: string, kind: string) =>
      (await db().select().from(emailOutbox).where(eq(emailOutbox.toEmail, toEmail))).filter((m) => m.kind === kind);
    const request = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      auth.handler(
        new Request(`${appBaseUrl()}/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: appBaseUrl(), ...headers },
          body: JSON.stringify(body),
        }),
      );
    const signIn = (email: string, password: string) => request("/sign-in/email", { email, password });

    it("mails a confirmation link on sign-up, and tells an existing owner about a second sign-up without telling the visitor", async () => {
      const first = await request("/sign-up/email", { email: "owner@example.com", name: "Owner", password: STRONG, callbackURL: "/sign-in?verified=1" });
      expect(first.status).toBe(200);
      const [verify] = await mail("owner@example.com", "verify-email");
      expect(verify?.link).toMatch(new RegExp(`^${appBaseUrl()}/api/auth/verify-email\\?token=`));
      expect(verify?.userId).toBeTruthy();

      const again = await request("/sign-up/email", { email: "owner@example.com", name: "Intruder", password: "another long passphrase" });
      expect(again.status).toBe(200);
      expect(Object.keys(await again.json()).sort()).toEqual(Object.keys(await first.clone().json().catch(() => ({ token: null, user: {} }))).sort());
      expect(await mail("owner@example.com", "existing-account-sign-up")).toHaveLength(1);

      // Following the link confirms the address and lands on the sign-in page.
      const followed = await auth.handler(new Request(verify!.link!));
      expect(followed.status).toBe(302);
      expect(followed.headers.get("location")).toBe("/sign-in?verified=1");
      const [row] = await db().select({ emailVerified: user.emailVerified }).from(user).where(eq(user.email, "owner@example.com"));
      expect(row?.emailVerified).toBe(true);
    });

    it("resets a forgotten password by emailed link, signing every browser out; the link works once", async () => {
      await request("/sign-up/email", { email: "forgetful@example.com", name: "Forgetful", password: STRONG });
      expect((await signIn("forgetful@example.com", STRONG)).status).toBe(200);
      const [{ id: userId }] = (await db().select({ id: user.id }).from(user).where(eq(user.email, "forgetful@example.com"))) as [{ id: string }];
      expect(await db().select().from(session).where(eq(session.userId, userId))).toHaveLength(1);

      // Asking for an unknown address answers the same and mails nobody.
      expect((await request("/request-password-reset", { email: "nobody@example.com", redirectTo: "/reset-password" })).status).toBe(200);
      expect(await mail("nobody@example.com", "reset-password")).toHaveLength(0);
      expect((await request("/request-password-reset", { email: "forgetful@example.com", redirectTo: "/reset-password" })).status).toBe(200);
      const [reset] = await mail("forgetful@example.com", "reset-password");
      const landed = await auth.handler(new Request(reset!.link!));
      const location = new URL(landed.headers.get("location") ?? "", appBaseUrl());
      expect(location.pathname).toBe("/reset-password");
      const token = location.searchParams.get("token")!;

      expect((await request("/reset-password", { token, newPassword: "password" })).status).toBe(400);
      expect((await request("/reset-password", { token, newPassword: NEWER })).status).toBe(200);
      expect(await db().select().from(session).where(eq(session.userId, userId))).toHaveLength(0);
      expect((await signIn("forgetful@example.com", STRONG)).status).toBe(401);
      expect((await signIn("forgetful@example.com", NEWER)).status).toBe(200);
      expect((await request("/reset-password", { token, newPassword: "yet another passphrase" })).status).toBe(400);
    });

    it("keeps better-auth's own account deletion closed, whatever the session", async () => {
      await request("/sign-up/email", { email: "keeper@example.com", name: "Keeper", password: STRONG });
      const cookie = ((await signIn("keeper@example.com", STRONG)).headers.get("set-cookie") ?? "").split(";")[0]!;
      for (const path of ["/delete-user", "/delete-user/callback"]) {
        const response = await request(path, { password: STRONG }, { cookie });
        expect(response.status).toBe(404);
      }
      expect(await db().select().from(user).where(eq(user.email, "keeper@example.com"))).toHaveLength(1);
    });

    it("sends over SMTP where it is configured (nothing in the outbox) and requires a confirmed address before sign-in", async () => {
      const smtp = await startSmtpSink();
      try {
        const smtpAuth = createAuth(db(), { ...env, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_FROM: "LiveMind <hello@livemind.test>" });
        const signUp = await smtpAuth.api.signUpEmail({ body: { email: "strict@example.com", name: "Strict", password: STRONG } });
        expect(signUp.token).toBeNull();
        expect(smtp.messages).toHaveLength(1);
        expect(smtp.messages[0]).toMatch(/^From: LiveMind <hello@livemind\.test>/m);
        expect(smtp.messages[0]).toMatch(/^To: strict@example\.com/m);
        expect(smtp.messages[0]).toMatch(/verify-email\?token=/);
        const attempt = await smtpAuth.handler(
          new Request(`${appBaseUrl()}/api/auth/sign-in/email`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: appBaseUrl() },
            body: JSON.stringify({ email: "strict@example.com", password: STRONG }),
          }),
        );
        expect(attempt.status).toBe(403);
        expect(await attempt.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
        expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toEmail, "strict@example.com"))).toHaveLength(0);
      } finally {
        await smtp.close();
      }
    });
  },
  { drivers: ["pglite"] },
);

