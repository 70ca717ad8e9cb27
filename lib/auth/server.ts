import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { getDb, schema, type Database } from "@/db";
import { promoteFirstAccount } from "@/db/queries/users";
import { adminEmails, appBaseUrl, clientIpSettings, emailTransport, env as processEnv, trustedOrigins, type Env } from "@/lib/env";
import { changeEmailConfirmationMessage, existingAccountSignUpMessage, resetPasswordMessage, verifyEmailMessage } from "@/lib/email/messages";
import { sendEmail } from "@/lib/email/send";
import { enforceAuthRules } from "./hooks";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { resolveAuthSecret } from "./secret";

export function createAuth(db: Database, env: Env = processEnv) {
  // Where real mail can be sent, an address must be confirmed before its first sign-in. With the
  // development outbox it cannot reach anyone, so confirmation is offered but not required.
  const requireEmailVerification = emailTransport(env) === "smtp";
  return betterAuth({
    appName: "LiveMind",
    baseURL: appBaseUrl(env),
    secret: resolveAuthSecret(),
    trustedOrigins: trustedOrigins(env),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    // Without auto sign-in, better-auth answers a taken email exactly as a new one (hashing all the
    // same), so sign-up does not tell who has an account; the form signs in as a second step.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: false,
      requireEmailVerification,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset is what someone does after losing control of a password: every browser goes.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) => sendEmail(db, { email: user.email, userId: user.id }, resetPasswordMessage({ name: user.name, url }), env),
      // Sign-up answers a taken address like a new one; the owner hears about the attempt by mail.
      onExistingUserSignUp: ({ user }) =>
        sendEmail(db, { email: user.email, userId: user.id }, existingAccountSignUpMessage({ name: user.name, signInUrl: `${appBaseUrl(env)}/sign-in` }), env),
      // The stand-in answered for a taken email carries the admin plugin's fields as a new member has them.
      customSyntheticUser: ({ coreFields, additionalFields, id }) => ({
        ...coreFields,
        role: "user",
        banned: false,
        banReason: null,
        banExpires: null,
        ...additionalFields,
        id,
      }),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: requireEmailVerification,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60,
      // For a change of address the new one gets this link, on the account's id (no user has that
      // address yet); the outbox keeps it with the account either way.
      sendVerificationEmail: ({ user, url }) => sendEmail(db, { email: user.email, userId: user.id }, verifyEmailMessage({ name: user.name, url }), env),
    },
    user: {
      // A confirmed address approves its own replacement first, then the new one is confirmed.
      changeEmail: {
        enabled: true,
        sendChangeEmailConfirmation: ({ user, newEmail, url }) =>
          sendEmail(db, { email: user.email, userId: user.id }, changeEmailConfirmationMessage({ name: user.name, newEmail, url }), env),
      },
      // better-auth's own /delete-user stays off: erasure is our action (lib/account/erasure.ts),
      // which asks for the password every time and erases what better-auth does not know about.
      deleteUser: { enabled: false },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: env.AUTH_RATE_LIMIT_MAX,
      customRules: {
        "/sign-in/email": { window: 10, max: env.AUTH_SIGN_IN_RATE_LIMIT_MAX },
        "/sign-up/email": { window: 60, max: Math.max(5, Math.ceil(env.AUTH_RATE_LIMIT_MAX / 10)) },
        // Each of these sends mail: without a tighter limit anyone could flood an inbox.
        ...Object.fromEntries(
          ["/request-password-reset", "/send-verification-email", "/change-email"].map((path) => [path, { window: 60, max: Math.max(3, Math.ceil(env.AUTH_RATE_LIMIT_MAX / 20)) }]),
        ),
      },
    },
    advanced: {
      ipAddress: clientIpSettings(env),
      // Every request's session check reads the session and its user in one statement (the
      // relations in db/schema/auth.ts), not two: it runs on each turn write of a live conversation.
      database: { joins: true },
    },
    hooks: { before: enforceAuthRules },
    // An unexpected error (the database failing) goes up to the route's withErrors, which answers
    // our JSON 500 and logs codes only; better-auth would log the failed statement with its values.
    onAPIError: { throw: true },
    databaseHooks: {
      session: {
        create: {
          // Impersonation is closed (lib/auth/hooks.ts); no session of one user held by another, ever.
          before: async (data) => (data.impersonatedBy ? false : undefined),
        },
      },
      user: {
        create: {
          // A listed admin email is an admin from the start; the first account becomes one once it
          // exists (decided atomically after the insert, see promoteFirstAccount).
          before: async (data) => ({ data: { ...data, role: adminEmails(env).includes(data.email.toLowerCase()) ? "admin" : "user" } }),
          after: async (created) => {
            if (created.role !== "admin") await promoteFirstAccount(db, { userId: created.id });
          },
        },
      },
    },
    plugins: [admin({ defaultRole: "user", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __livemindAuth?: Promise<Auth> };

/** better-auth needs the database handle, which opens lazily; so does the auth instance. */
export function getAuth(): Promise<Auth> {
  globalForAuth.__livemindAuth ??= getDb()
    .then((db) => createAuth(db))
    .catch((error: unknown) => {
      globalForAuth.__livemindAuth = undefined;
      throw error;
    });
  return globalForAuth.__livemindAuth;
}
