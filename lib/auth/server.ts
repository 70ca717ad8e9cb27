import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { getDb, schema, type Database } from "@/db";
import { promoteFirstAccount } from "@/db/queries/users";
import { adminEmails, appBaseUrl, clientIpSettings, env as processEnv, trustedOrigins, type Env } from "@/lib/env";
import { enforceAuthRules } from "./hooks";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { resolveAuthSecret } from "./secret";

export function createAuth(db: Database, env: Env = processEnv) {
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
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: env.AUTH_RATE_LIMIT_MAX,
      customRules: {
        "/sign-in/email": { window: 10, max: env.AUTH_SIGN_IN_RATE_LIMIT_MAX },
        "/sign-up/email": { window: 60, max: Math.max(5, Math.ceil(env.AUTH_RATE_LIMIT_MAX / 10)) },
      },
    },
    advanced: {
      ipAddress: clientIpSettings(env),
      // Every request's session check reads the session and its user in one statement (the
      // relations in db/schema/auth.ts), not two: it runs on each turn write of a live conversation.
      database: { joins: true },
    },
    hooks: { before: enforceAuthRules },
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
