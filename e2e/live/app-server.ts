import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, expect, request as playwrightRequest } from "@playwright/test";
import { type Account, uniqueAccount } from "../fixtures/accounts";
import { appEnv, E2E_DIST_DIR } from "../support/serve-app";

/*
 * An app server a spec owns: the e2e build (made by the main webServer), another port and a
 * data directory of its own, the same settings otherwise. The spec can kill it outright
 * (SIGKILL, like a crash or a lost machine) and start it again on the same data.
 */
export class OwnAppServer {
  readonly baseUrl: string;
  readonly dataDir: string;
  private process: ChildProcess | null = null;

  constructor(
    readonly port: number,
    /** Settings that differ from the e2e app server's (the benchmark's own double, say). */
    private readonly extraEnv: Record<string, string> = {},
  ) {
    this.baseUrl = `http://localhost:${port}`;
    this.dataDir = path.join("e2e", ".artifacts", `data-${port}`);
    rmSync(this.dataDir, { recursive: true, force: true });
    mkdirSync(this.dataDir, { recursive: true });
  }

  /** The server's process group (every process it started), while it runs. */
  get processGroup(): number | null {
    return this.process?.pid ?? null;
  }

  async start(): Promise<void> {
    const env = { ...appEnv(), NODE_ENV: "production" as const, PORT: String(this.port), BETTER_AUTH_URL: this.baseUrl, LIVEMIND_DATA_DIR: this.dataDir, NEXT_DIST_DIR: E2E_DIST_DIR, ...this.extraEnv };
    const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");
    // Its own process group, so a kill reaches every process of this server and nothing else.
    const child = spawn(nextBin, ["start", "--port", String(this.port)], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
    this.process = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the app server on ${this.port} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the app server on ${this.port} did not become healthy`);
  }

  /** SIGKILL: no shutdown hooks, no chance to finish requests. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGKILL");
    await exited;
    this.process = null;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(`${this.dataDir}.lock`, { force: true });
  }
}

/**
 * A new account on `server`, signed in (sign-up itself starts no session), as a browser context.
 * `account` names a given one instead (ADMIN_ACCOUNT is an admin on any e2e server: ADMIN_EMAILS).
 */
export async function signedInContext(browser: Browser, server: OwnAppServer, label: string, account: Account = uniqueAccount(label)): Promise<BrowserContext> {
  const api = await playwrightRequest.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: { origin: server.baseUrl } });
  expect((await api.post("/api/auth/sign-up/email", { data: account })).status()).toBe(200);
  expect((await api.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password } })).status()).toBe(200);
  const context = await browser.newContext({ baseURL: server.baseUrl, storageState: await api.storageState() });
  await api.dispose();
  return context;
}
