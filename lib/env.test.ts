import { describe, expect, it } from "vitest";
import { adminEmails, appBaseUrl, clientIpSettings, isEmbeddedDatabase, parseEnvForTests, trustedOrigins } from "./env";

// Next's ProcessEnv type insists on NODE_ENV; a test's environment may leave it out.
const parseEnv = (vars: Record<string, string>) => parseEnvForTests(vars as NodeJS.ProcessEnv);

const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("works with nothing set: embedded database on localhost:3000", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_DRIVER: "auto",
      LIVEMIND_DATA_DIR: ".data",
      NEXT_DIST_DIR: ".next",
      CREDENTIALS_KEY_VERSION: 1,
      AUTH_RATE_LIMIT_MAX: 100,
      AUTH_SIGN_IN_RATE_LIMIT_MAX: 3,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BETTER_AUTH_SECRET).toBeUndefined();
    expect(env.GEMINI_LIVE_MODEL).toMatch(/^gemini-/);
    expect(isEmbeddedDatabase(env)).toBe(true);
  });

  it("on Vercel (VERCEL=1) refuses to run without DATABASE_URL and BETTER_AUTH_SECRET, naming both", () => {
    expect(() => parseEnv({ VERCEL: "1" })).toThrow(/DATABASE_URL: DATABASE_URL is required on Vercel \(VERCEL=1\): add the Neon integration[\s\S]*BETTER_AUTH_SECRET: BETTER_AUTH_SECRET is required on Vercel/);
    expect(() => parseEnv({ VERCEL: "1", BETTER_AUTH_SECRET: SECRET })).toThrow(/DATABASE_URL is required on Vercel/);
    expect(() => parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@db.example.com/app" })).toThrow(/BETTER_AUTH_SECRET is required on Vercel/);
    const env = parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@db.example.com/app", BETTER_AUTH_SECRET: SECRET });
    expect(isEmbeddedDatabase(env)).toBe(false);
  });

  it("requires BETTER_AUTH_SECRET once a DATABASE_URL is set, and says how to make one", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u@db.example.com/app" })).toThrow(
      /Invalid LiveMind configuration:\n {2}- BETTER_AUTH_SECRET: BETTER_AUTH_SECRET is required when DATABASE_URL is set \(generate one with `openssl rand -base64 32`\)/,
    );
    const env = parseEnv({ DATABASE_URL: "postgres://u@db.example.com/app", BETTER_AUTH_SECRET: SECRET });
    expect(isEmbeddedDatabase(env)).toBe(false);
  });

  it("treats empty and blank assignments as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", BETTER_AUTH_SECRET: "  ", PORT: "", BETTER_AUTH_URL: "", GEMINI_API_KEY: " " });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BETTER_AUTH_SECRET).toBeUndefined();
    expect(env.GEMINI_API_KEY).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("names every bad variable with a readable reason", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://x", BETTER_AUTH_SECRET: "short", PORT: "eighty", BETTER_AUTH_URL: "example.com" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL");
    expect(message).toContain("BETTER_AUTH_SECRET: BETTER_AUTH_SECRET must be at least 32 characters");
    expect(message).toContain("BETTER_AUTH_URL: BETTER_AUTH_URL must be a full URL");
    expect(message).toMatch(/- PORT: /);
    expect(message).toContain("See .env.example for every variable.");
  });

  it("has quota defaults, bounds them, and checks the credentials key ring without echoing a key", () => {
    expect(parseEnv({})).toMatchObject({
      LIVE_CONCURRENT_SESSIONS_LIMIT: 1,
      LIVE_MONTHLY_MINUTES_LIMIT: 600,
      LIVE_TOKEN_RATE_LIMIT_MAX: 30,
      LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS: 600,
    });
    expect(parseEnv({ LIVE_MONTHLY_MINUTES_LIMIT: "0" }).LIVE_MONTHLY_MINUTES_LIMIT).toBe(0);
    expect(() => parseEnv({ LIVE_CONCURRENT_SESSIONS_LIMIT: "0" })).toThrow(/LIVE_CONCURRENT_SESSIONS_LIMIT/);
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(parseEnv({ CREDENTIALS_ENCRYPTION_KEYS: `1:${key},2:${key}` }).CREDENTIALS_ENCRYPTION_KEYS).toBe(`1:${key},2:${key}`);
    const short = Buffer.alloc(8, 1).toString("base64");
    let message = "";
    try {
      parseEnv({ CREDENTIALS_ENCRYPTION_KEYS: `1:${short}` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("CREDENTIALS_ENCRYPTION_KEYS: CREDENTIALS_ENCRYPTION_KEYS version 1 must be 32 bytes, base64-encoded");
    expect(message).not.toContain(short);
  });

  it("bounds JOBS_LEASE_SECONDS to 15-3600 seconds, 120 by default", () => {
    expect(parseEnv({}).JOBS_LEASE_SECONDS).toBe(120);
    expect(parseEnv({ JOBS_LEASE_SECONDS: "15" }).JOBS_LEASE_SECONDS).toBe(15);
    expect(parseEnv({ JOBS_LEASE_SECONDS: "3600" }).JOBS_LEASE_SECONDS).toBe(3600);
    for (const bad of ["14", "3601", "0", "-5", "90.5", "two minutes"]) {
      expect(() => parseEnv({ JOBS_LEASE_SECONDS: bad }), bad).toThrow(/- JOBS_LEASE_SECONDS: /);
    }
  });

  it("coerces numbers and lets DATABASE_DRIVER force the embedded database", () => {
    const env = parseEnv({
      PORT: "4123",
      DATABASE_DRIVER: "pglite",
      DATABASE_URL: "postgresql://u@db/app",
      BETTER_AUTH_SECRET: SECRET,
    });
    expect(env.PORT).toBe(4123);
    expect(isEmbeddedDatabase(env)).toBe(true);
    expect(() => parseEnv({ DATABASE_DRIVER: "mysql" })).toThrow(/DATABASE_DRIVER/);
  });

  it("reads ADMIN_EMAILS as a trimmed, lower-cased list", () => {
    expect(adminEmails(parseEnv({ ADMIN_EMAILS: " Ada@Example.com, ,bo@example.com " }))).toEqual(["ada@example.com", "bo@example.com"]);
    expect(adminEmails(parseEnv({}))).toEqual([]);
  });
});

describe("appBaseUrl and trustedOrigins", () => {
  it("serves localhost on the configured port, by name and by address", () => {
    const env = parseEnv({ PORT: "3100" });
    expect(appBaseUrl(env)).toBe("http://localhost:3100");
    expect(trustedOrigins(env)).toEqual(["http://localhost:3100", "http://127.0.0.1:3100"]);
  });

  it("uses BETTER_AUTH_URL as given, without a trailing slash, and trusts nothing local", () => {
    const env = parseEnv({ BETTER_AUTH_URL: "https://livemind.example.com/" });
    expect(appBaseUrl(env)).toBe("https://livemind.example.com");
    expect(trustedOrigins(env)).toEqual(["https://livemind.example.com"]);
  });

  it("trusts a preview deployment under its own URL and its branch URL, and no other site", () => {
    const env = parseEnv({
      VERCEL_ENV: "preview",
      VERCEL_URL: "livemind-abc123-team.vercel.app",
      VERCEL_BRANCH_URL: "livemind-git-feature-team.vercel.app",
      VERCEL_PROJECT_PRODUCTION_URL: "livemind.example.com",
    });
    expect(appBaseUrl(env)).toBe("https://livemind-abc123-team.vercel.app");
    const origins = trustedOrigins(env);
    expect(origins).toEqual(
      expect.arrayContaining(["https://livemind-abc123-team.vercel.app", "https://livemind-git-feature-team.vercel.app"]),
    );
    expect(origins.every((origin) => origin.startsWith("https://"))).toBe(true);
    for (const stranger of ["https://evil.vercel.app", "http://localhost:3000", "http://127.0.0.1:3000", "https://vercel.app"]) {
      expect(origins).not.toContain(stranger);
    }
  });

  it("uses the production domain in Vercel production and still trusts the deployment URL", () => {
    const env = parseEnv({
      VERCEL_ENV: "production",
      VERCEL_URL: "livemind-xyz-team.vercel.app",
      VERCEL_PROJECT_PRODUCTION_URL: "livemind.example.com",
    });
    expect(appBaseUrl(env)).toBe("https://livemind.example.com");
    expect(trustedOrigins(env).sort()).toEqual(["https://livemind-xyz-team.vercel.app", "https://livemind.example.com"]);
  });

  it("lets BETTER_AUTH_URL win over Vercel's names while keeping them trusted", () => {
    const env = parseEnv({ BETTER_AUTH_URL: "https://app.example.com", VERCEL_URL: "https://livemind-1.vercel.app" });
    expect(appBaseUrl(env)).toBe("https://app.example.com");
    expect(trustedOrigins(env).sort()).toEqual(["https://app.example.com", "https://livemind-1.vercel.app"]);
  });
});

describe("clientIpSettings", () => {
  it("trusts no forwarding header unless a proxy is known", () => {
    expect(clientIpSettings(parseEnv({}))).toEqual({ ipAddressHeaders: [] });
  });

  it("trusts Vercel's own headers on Vercel", () => {
    expect(clientIpSettings(parseEnv({ VERCEL_ENV: "preview" }))).toEqual({ ipAddressHeaders: ["x-vercel-forwarded-for", "x-real-ip"] });
  });

  it("trusts exactly the configured header, or X-Forwarded-For through the configured proxies", () => {
    expect(clientIpSettings(parseEnv({ AUTH_TRUSTED_IP_HEADER: "X-Real-IP" }))).toEqual({ ipAddressHeaders: ["x-real-ip"] });
    expect(clientIpSettings(parseEnv({ AUTH_TRUSTED_PROXIES: "10.0.0.0/24, 192.0.2.10", VERCEL_ENV: "production" }))).toEqual({
      ipAddressHeaders: ["x-forwarded-for"],
      trustedProxies: ["10.0.0.0/24", "192.0.2.10"],
    });
  });

  it("refuses a header that is no header name and a proxy that is no address", () => {
    expect(() => parseEnv({ AUTH_TRUSTED_IP_HEADER: "x-real-ip: 1.2.3.4" })).toThrow(/AUTH_TRUSTED_IP_HEADER/);
    expect(() => parseEnv({ AUTH_TRUSTED_PROXIES: "10.0.0.0/24,proxy.internal" })).toThrow(/AUTH_TRUSTED_PROXIES/);
  });
});
