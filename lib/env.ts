import * as nextEnvModule from "@next/env";
import { z } from "zod";
import { parseKeyEntries } from "./gemini/key-ring";

/*
 * The only reader of process.env. Imported by next.config.ts so that a bad configuration
 * stops `next build` with a readable message instead of failing at the first request.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    DATABASE_DRIVER: z.enum(["auto", "pglite", "pg", "neon"]).default("auto"),
    LIVEMIND_DATA_DIR: z.string().default(".data"),
    NEXT_DIST_DIR: z.string().default(".next"),
    BETTER_AUTH_SECRET: optionalString.pipe(
      z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
    ),
    BETTER_AUTH_URL: optionalString.pipe(z.url("BETTER_AUTH_URL must be a full URL").optional()),
    ADMIN_EMAILS: optionalString,
    // The key ring that seals users' Gemini keys: "version:base64key" entries, comma-separated;
    // the highest version seals, every listed one opens (lib/gemini/key-ring.ts).
    CREDENTIALS_ENCRYPTION_KEYS: optionalString,
    CREDENTIALS_ENCRYPTION_KEY: optionalString,
    CREDENTIALS_KEY_VERSION: positiveInt(1),
    GEMINI_API_KEY: optionalString,
    GEMINI_LIVE_MODEL: z.string().default("gemini-2.5-flash-native-audio-preview-12-2025"),
    GEMINI_TTS_MODEL: z.string().default("gemini-2.5-flash-preview-tts"),
    // Text and embedding models of background work (memory extraction, recall).
    GEMINI_TEXT_MODEL: z.string().default("gemini-2.5-flash"),
    GEMINI_EMBEDDING_MODEL: z.string().default("gemini-embedding-001"),
    GEMINI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(64).max(3072).default(256),
    GEMINI_API_BASE_URL: optionalString.pipe(z.url("GEMINI_API_BASE_URL must be a full URL").optional()),
    // Bearer token of scheduled jobs (Vercel Cron sends it): GET /api/cron/purge-media.
    CRON_SECRET: optionalString.pipe(z.string().min(16, "CRON_SECRET must be at least 16 characters").optional()),
    // Mail (verification, password reset, email change): an SMTP server, e.g.
    // smtps://user:pass@smtp.example.com:465. Unset: mail goes to the development outbox.
    SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional()),
    EMAIL_FROM: optionalString.pipe(z.string().max(320).optional()),
    AUTH_RATE_LIMIT_MAX: positiveInt(100),
    AUTH_SIGN_IN_RATE_LIMIT_MAX: positiveInt(3),
    // Self-hosted behind a reverse proxy: the header it sets to the client's address, replacing
    // whatever the client sent (e.g. X-Real-IP), and/or the proxies' addresses for X-Forwarded-For.
    AUTH_TRUSTED_IP_HEADER: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9-]+$/, "AUTH_TRUSTED_IP_HEADER must be a header name such as X-Real-IP").optional(),
    ),
    AUTH_TRUSTED_PROXIES: optionalString.pipe(
      z
        .string()
        .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
        .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]), "AUTH_TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated"))
        .optional(),
    ),
    // Live conversations per user (lib/quotas): deployment defaults an admin can override per user.
    LIVE_CONCURRENT_SESSIONS_LIMIT: z.coerce.number().int().min(1).max(100).default(1),
    LIVE_MONTHLY_MINUTES_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
    // Live tokens minted per user (Start and every reconnection) per window: protects the Gemini key.
    LIVE_TOKEN_RATE_LIMIT_MAX: positiveInt(30),
    LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS: positiveInt(600),
    // Recorded media: in Postgres (bytea, the default) or an S3-compatible object store (S3, R2, MinIO…).
    MEDIA_STORAGE: z.enum(["postgres", "s3"]).default("postgres"),
    S3_ENDPOINT: optionalString.pipe(z.url("S3_ENDPOINT must be a full URL, e.g. https://<account>.r2.cloudflarestorage.com").optional()),
    S3_BUCKET: optionalString,
    S3_REGION: z.string().default("auto"),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    // Webhooks may call private, loopback and link-local addresses (tests, local development only:
    // in production this would let a user reach the deployment's own network).
    WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
    // How long a claimed background job is held before another worker may take it over (the
    // claimer is presumed dead): longer than the slowest job, short enough to recover promptly.
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(15).max(3600).default(120),
    // Tests and benchmarks only: where PostgreSQL 15's initdb, pg_ctl and postgres live.
    LIVEMIND_TEST_PG_BIN: z.string().default("/usr/lib/postgresql/15/bin"),
    // Set to "1" by Vercel's build and runtime (and by `vercel build` on any machine).
    VERCEL: optionalString,
    VERCEL_ENV: z.enum(["production", "preview", "development"]).optional(),
    VERCEL_URL: optionalString,
    VERCEL_BRANCH_URL: optionalString,
    VERCEL_PROJECT_PRODUCTION_URL: optionalString,
  })
  .superRefine((value, ctx) => {
    if (value.CREDENTIALS_ENCRYPTION_KEYS) {
      try {
        parseKeyEntries(value.CREDENTIALS_ENCRYPTION_KEYS);
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["CREDENTIALS_ENCRYPTION_KEYS"], message: (error as Error).message });
      }
    }
    if (value.MEDIA_STORAGE === "s3") {
      for (const name of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!value[name]) ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when MEDIA_STORAGE=s3` });
      }
    }
    // On Vercel an unset DATABASE_URL would mean an embedded database inside a read-only,
    // short-lived function (and the build would migrate one that nothing ever reads): stop here.
    if (value.VERCEL === "1") {
      for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET"] as const) {
        if (value[name]) continue;
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is required on Vercel (VERCEL=1): ${name === "DATABASE_URL" ? "add the Neon integration to the project, or set a postgres:// URL" : "generate one with `openssl rand -base64 32`"} in the project's Environment Variables`,
        });
      }
      return;
    }
    if (value.DATABASE_URL && !value.BETTER_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message:
          "BETTER_AUTH_SECRET is required when DATABASE_URL is set (generate one with `openssl rand -base64 32`)",
      });
    }
  });

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  // An empty assignment (as copied from .env.example) means "not set", for every variable.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid LiveMind configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  return result.data;
}

// Next loads .env files itself; scripts run outside it (db:migrate, drizzle-kit) get the same files.
// Node's ESM loader sees this CommonJS package as a default export only; drizzle-kit's loader sees named exports.
const nextEnv = (nextEnvModule as typeof nextEnvModule & { default?: typeof nextEnvModule }).default ?? nextEnvModule;
if (!process.env.NEXT_RUNTIME) nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });

export const env: Env = parseEnv(process.env);

export const isEmbeddedDatabase = (e: Env = env) =>
  e.DATABASE_DRIVER === "pglite" || (e.DATABASE_DRIVER === "auto" && !e.DATABASE_URL);

const https = (host: string) => `https://${host.replace(/^https?:\/\//, "")}`;

/** The public origin of this deployment: explicit setting, then Vercel's, then localhost. */
export function appBaseUrl(e: Env = env): string {
  if (e.BETTER_AUTH_URL) return e.BETTER_AUTH_URL.replace(/\/$/, "");
  if (e.VERCEL_ENV === "production" && e.VERCEL_PROJECT_PRODUCTION_URL) {
    return https(e.VERCEL_PROJECT_PRODUCTION_URL);
  }
  if (e.VERCEL_URL) return https(e.VERCEL_URL);
  return `http://localhost:${e.PORT}`;
}

/** Origins allowed to call the auth API: this deployment under every name Vercel gives it. */
export function trustedOrigins(e: Env = env): string[] {
  const origins = new Set([appBaseUrl(e)]);
  for (const host of [e.VERCEL_URL, e.VERCEL_BRANCH_URL, e.VERCEL_PROJECT_PRODUCTION_URL]) {
    if (host) origins.add(https(host));
  }
  if (!e.BETTER_AUTH_URL && !e.VERCEL_URL) origins.add(`http://127.0.0.1:${e.PORT}`);
  return [...origins];
}

/*
 * Where the client's address for rate limits comes from. Any client can send X-Forwarded-For,
 * so a header is trusted only where a proxy we know sets it: on Vercel its own headers (Vercel
 * overwrites them, see its request-headers docs); self-hosted, the header or proxies named in the
 * configuration. Otherwise none is: every client shares one allowance per endpoint, which a
 * spoofed header cannot escape.
 */
export function clientIpSettings(e: Env = env): { ipAddressHeaders: string[]; trustedProxies?: string[] } {
  const trustedProxies = e.AUTH_TRUSTED_PROXIES?.length ? e.AUTH_TRUSTED_PROXIES : undefined;
  if (e.AUTH_TRUSTED_IP_HEADER) return { ipAddressHeaders: [e.AUTH_TRUSTED_IP_HEADER.toLowerCase()], trustedProxies };
  if (trustedProxies) return { ipAddressHeaders: ["x-forwarded-for"], trustedProxies };
  if (e.VERCEL_ENV) return { ipAddressHeaders: ["x-vercel-forwarded-for", "x-real-ip"] };
  return { ipAddressHeaders: [] };
}

/** Mail leaves through SMTP only when it is configured; otherwise it goes to the development outbox. */
export const emailTransport = (e: Env = env): "smtp" | "outbox" => (e.SMTP_URL ? "smtp" : "outbox");

export const emailFrom = (e: Env = env): string => e.EMAIL_FROM ?? `LiveMind <no-reply@${new URL(appBaseUrl(e)).hostname}>`;

export const adminEmails = (e: Env = env): string[] =>
  (e.ADMIN_EMAILS ?? "")
    .split(",")
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);

export { parseEnv as parseEnvForTests };
