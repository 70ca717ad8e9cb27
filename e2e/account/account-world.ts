import { randomBytes } from "node:crypto";
import { request as playwrightRequest, test as base, expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { openPg, type Database, type DatabaseHandle } from "@/db/index";
import { migrateDatabase } from "@/db/migrate";
import { emailOutbox, user } from "@/db/schema";
import { startPostgresCluster, type PostgresCluster } from "@/db/test/postgres-cluster";
import { ADMIN_ACCOUNT, uniqueAccount, type Account } from "../fixtures/accounts";
import { guardHydration, type HydrationGuard } from "../fixtures/hydration-guard";
import { OwnAppServer } from "../live/app-server";
import { APP_PORT } from "../support/ports";

/*
 * The account specs' own app server: the e2e build, on a throwaway PostgreSQL database that the
 * specs read directly, the way an operator would check what an erasure left. Mail goes to the
 * development outbox (no SMTP_URL), which the specs read to follow links, as a person would
 * open their inbox. One server per worker; the project runs on one worker.
 */

export interface AccountWorld {
  server: OwnAppServer;
  db: Database;
  /** The newest link of that kind mailed to that address, waiting for it briefly. */
  mailedLink: (toEmail: string, kind: string) => Promise<string>;
  mailCount: (toEmail: string, kind: string) => Promise<number>;
  userId: (email: string) => Promise<string | null>;
  /** An account signed up through the real auth API (sign-up starts no session: see signedInContext). */
  createAccount: (label: string) => Promise<Account & { id: string }>;
  /** A browser context signed in as `account` (its own session), for the app server. */
  signedInContext: (browser: Browser, account: Account, options?: { userAgent?: string }) => Promise<BrowserContext>;
  api: (cookieSource?: BrowserContext) => Promise<APIRequestContext>;
  admin: Account & { id: string };
}

const PORT = APP_PORT + 5;

async function startWorld(): Promise<{ world: AccountWorld; stop: () => Promise<void> }> {
  let cluster: PostgresCluster | null = null;
  let handle: DatabaseHandle | null = null;
  let server: OwnAppServer | null = null;
  const stop = async () => {
    await server?.dispose();
    await handle?.close();
    await cluster?.stop();
  };
  try {
    cluster = await startPostgresCluster();
    const url = `postgres://postgres@${cluster.host}:${cluster.port}/postgres`;
    handle = await openPg(url);
    await migrateDatabase(handle);
    server = new OwnAppServer(PORT, { DATABASE_URL: url, DATABASE_DRIVER: "pg", BETTER_AUTH_SECRET: randomBytes(32).toString("base64") });
    await server.start();
  } catch (error) {
    await stop();
    throw error;
  }
  const db = handle.db;
  const baseUrl = server.baseUrl;
  const api = async (cookieSource?: BrowserContext) =>
    playwrightRequest.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl }, storageState: cookieSource ? await cookieSource.storageState() : undefined });

  const latest = async (toEmail: string, kind: string) =>
    (await db.select({ link: emailOutbox.link }).from(emailOutbox).where(and(eq(emailOutbox.toEmail, toEmail.toLowerCase()), eq(emailOutbox.kind, kind))).orderBy(desc(emailOutbox.createdAt)).limit(1))[0]?.link ?? null;

  const world: AccountWorld = {
    server,
    db,
    mailedLink: async (toEmail, kind) => {
      let link: string | null = null;
      await expect.poll(async () => (link = await latest(toEmail, kind)), { message: `a ${kind} mail to ${toEmail}` }).toBeTruthy();
      return link!;
    },
    mailCount: async (toEmail, kind) => (await db.select({ id: emailOutbox.id }).from(emailOutbox).where(and(eq(emailOutbox.toEmail, toEmail.toLowerCase()), eq(emailOutbox.kind, kind)))).length,
    userId: async (email) => (await db.select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase())))[0]?.id ?? null,
    createAccount: async (label) => {
      const account = uniqueAccount(label);
      const client = await api();
      const response = await client.post("/api/auth/sign-up/email", { data: account });
      expect(response.status(), await response.text()).toBe(200);
      await client.dispose();
      const id = await world.userId(account.email);
      expect(id).toBeTruthy();
      return { ...account, id: id! };
    },
    signedInContext: async (browser, account, options = {}) => {
      const client = await playwrightRequest.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl, ...(options.userAgent ? { "user-agent": options.userAgent } : {}) } });
      const response = await client.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password } });
      expect(response.status(), await response.text()).toBe(200);
      const context = await browser.newContext({ baseURL: baseUrl, storageState: await client.storageState(), userAgent: options.userAgent });
      await client.dispose();
      return context;
    },
    api,
    admin: { ...ADMIN_ACCOUNT, id: "" },
  };
  // ADMIN_EMAILS (from the e2e settings) names this address: its account is an admin from sign-up.
  const client = await api();
  expect((await client.post("/api/auth/sign-up/email", { data: ADMIN_ACCOUNT })).status()).toBe(200);
  await client.dispose();
  world.admin.id = (await world.userId(ADMIN_ACCOUNT.email))!;
  return { world, stop };
}

export const test = base.extend<{ hydrationGuards: HydrationGuard[]; track: (context: BrowserContext) => BrowserContext }, { world: AccountWorld }>({
  world: [
    async ({}, provide) => {
      const { world, stop } = await startWorld();
      await provide(world);
      await stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  hydrationGuards: async ({}, provide) => {
    const guards: HydrationGuard[] = [];
    await provide(guards);
    expect(guards.flatMap((guard) => guard.errors()), "React reported a hydration mismatch").toEqual([]);
  },
  // Contexts a spec opens on the account server: checked for hydration errors, closed at the end.
  track: async ({ hydrationGuards }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide((context) => {
      hydrationGuards.push(guardHydration(context));
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
