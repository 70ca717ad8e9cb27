import { rmSync } from "node:fs";
import { request, test as setup, expect } from "@playwright/test";
import { ADMIN_ACCOUNT, AUTH_DIR, createAccount, signInAccount } from "../fixtures/accounts";
import { APP_BASE_URL } from "../support/ports";

/*
 * The first account on an empty database becomes the admin. Creating it here, before any spec,
 * makes every spec independent of the order in which the others run.
 */
setup("the first account is created and is the admin", async () => {
  // Sessions from earlier runs belong to databases that no longer exist.
  rmSync(AUTH_DIR, { recursive: true, force: true });
  const probe = await request.newContext({ baseURL: APP_BASE_URL, extraHTTPHeaders: { origin: APP_BASE_URL } });
  const existing = await probe.post("/api/auth/sign-in/email", { data: { email: ADMIN_ACCOUNT.email, password: ADMIN_ACCOUNT.password } });
  await probe.dispose();
  // A reused server (E2E_REUSE_SERVER=1) already has the admin; a fresh one has nobody yet.
  const admin = existing.ok() ? await signInAccount(ADMIN_ACCOUNT) : await createAccount(ADMIN_ACCOUNT);

  const session = await request.newContext({ baseURL: APP_BASE_URL, storageState: admin.storageState });
  const body = (await (await session.get("/api/auth/get-session")).json()) as { user?: { email?: string; role?: string } };
  await session.dispose();
  expect(body.user?.email).toBe(ADMIN_ACCOUNT.email);
  expect(body.user?.role).toBe("admin");
});
