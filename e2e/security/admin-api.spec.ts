import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { ADMIN_ACCOUNT, signInAccount } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { APP_BASE_URL } from "../support/ports";

/*
 * better-auth's admin endpoints are not a way around our admin pages: impersonation would hand
 * an admin a session as the user (and so their transcripts), and the others would skip the
 * audit log. Called directly, every one of them answers our 404, to admins and members alike;
 * admin work goes through our audited actions (e2e/admin/moderation.spec.ts).
 */

const notFound = { code: "not_found:admin", message: "Not found." };

async function apiAs(storageState: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: APP_BASE_URL, storageState, extraHTTPHeaders: { origin: APP_BASE_URL } });
}

const calls = (victimId: string) =>
  [
    ["POST", "/api/auth/admin/impersonate-user", { userId: victimId }],
    ["POST", "/api/auth/admin/stop-impersonating", {}],
    ["GET", "/api/auth/admin/list-users", null],
    ["GET", `/api/auth/admin/get-user?id=${victimId}`, null],
    ["POST", "/api/auth/admin/list-user-sessions", { userId: victimId }],
    ["POST", "/api/auth/admin/set-user-password", { userId: victimId, newPassword: "taken-over-by-admin-7" }],
    ["POST", "/api/auth/admin/set-role", { userId: victimId, role: "admin" }],
    ["POST", "/api/auth/admin/update-user", { userId: victimId, data: { name: "Renamed" } }],
    ["POST", "/api/auth/admin/create-user", { email: `made-${Date.now()}@livemind.test`, password: "made-by-admin-password-7", name: "Made" }],
    ["POST", "/api/auth/admin/ban-user", { userId: victimId }],
    ["POST", "/api/auth/admin/revoke-user-sessions", { userId: victimId }],
    ["POST", "/api/auth/admin/remove-user", { userId: victimId }],
    ["POST", "/api/auth/admin/has-permission", { permissions: { user: ["list"] } }],
  ] as const;

async function call(api: APIRequestContext, [method, path, body]: ReturnType<typeof calls>[number]) {
  const response = method === "GET" ? await api.get(path) : await api.post(path, { data: body });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

test("members calling better-auth's admin endpoints get our 404", async ({ newUser }) => {
  const victim = await newUser("Admin API victim");
  const member = await newUser("Admin API member");
  const api = await apiAs(member.account.storageState);
  for (const entry of calls(victim.account.id)) {
    expect(await call(api, entry), `${entry[0]} ${entry[1]}`).toEqual({ status: 404, body: notFound });
  }
  await api.dispose();
});

test("admins cannot impersonate, reset passwords, change roles or remove accounts through better-auth directly", async ({ newUser }) => {
  const victim = await newUser("Admin API target");
  const admin = await signInAccount(ADMIN_ACCOUNT);
  const api = await apiAs(admin.storageState);
  for (const entry of calls(victim.account.id)) {
    expect(await call(api, entry), `${entry[0]} ${entry[1]}`).toEqual({ status: 404, body: notFound });
  }
  await api.dispose();

  // Nothing happened to the account: it still signs in with its own password, with its own name.
  const again = await playwrightRequest.newContext({ baseURL: APP_BASE_URL, extraHTTPHeaders: { origin: APP_BASE_URL } });
  const signIn = await again.post("/api/auth/sign-in/email", { data: { email: victim.account.email, password: victim.account.password } });
  expect(signIn.status()).toBe(200);
  expect(((await signIn.json()) as { user: { name: string } }).user.name).toBe(victim.account.name);
  await again.dispose();
});
