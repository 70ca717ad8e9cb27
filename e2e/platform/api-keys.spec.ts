import { expect, test } from "../fixtures/test";
import { saveTestKey } from "../live/gemini-key";
import { ApiKeysPage } from "../pages/api-keys-page";
import { holdLiveConversation, storeConversation } from "../sessions/conversations";

test.describe.configure({ timeout: 90_000 });

const SCOPES = ["sessions:read", "transcripts:read", "memories:read", "memories:write", "analytics:read"] as const;

/*
 * A key made in Settings is all a program needs: each /api/v1 route answers with the scope it
 * needs and refuses without it, another user's conversation is 404, the calls are listed under
 * the key, and once revoked the key is refused (401).
 */
test("an API key from Settings reads the API within its scopes, never another user's data, until revoked", async ({ newUser, request }) => {
  const alice = await newUser("API Owner");
  const bob = await newUser("API Neighbour");
  const { actions } = await holdLiveConversation(alice.page);
  const aliceId = await storeConversation(alice.page.request, actions, { lines: ["Tell me about the lighthouse keeper", "He kept the lamp lit"] });
  await saveTestKey(bob.page);
  const bobId = await storeConversation(bob.page.request, actions, { lines: ["Bob's private lighthouse notes"] });

  const keys = new ApiKeysPage(alice.page);
  await keys.gotoFromSettings();
  const everything = await keys.create("Everything", SCOPES);
  const narrow = await keys.create("Sessions only", ["sessions:read"], { expiresInDays: 30 });
  // A key shown once: a reload shows only its prefix.
  await alice.page.reload();
  await expect(alice.page.getByText(everything)).toHaveCount(0);
  await expect(keys.row(everything)).toContainText(everything.slice(0, 11));

  const get = (path: string, key: string) => request.get(path, { headers: { authorization: `Bearer ${key}` } });
  const routes: { path: string; scope: (typeof SCOPES)[number] }[] = [
    { path: "/api/v1/sessions", scope: "sessions:read" },
    { path: `/api/v1/sessions/${aliceId}`, scope: "transcripts:read" },
    { path: `/api/v1/sessions/${aliceId}/export?format=md`, scope: "transcripts:read" },
    { path: "/api/v1/search?q=lighthouse", scope: "transcripts:read" },
    { path: "/api/v1/insights?range=7d", scope: "analytics:read" },
  ];

  await test.step("every route: allowed with its scope, 403 without it", async () => {
    for (const route of routes) {
      expect((await get(route.path, everything)).status(), route.path).toBe(200);
      const narrowAnswer = await get(route.path, narrow);
      if (route.scope === "sessions:read") {
        expect(narrowAnswer.status(), route.path).toBe(200);
      } else {
        expect(narrowAnswer.status(), route.path).toBe(403);
        expect(await narrowAnswer.json()).toMatchObject({ code: "forbidden:api" });
      }
    }
    const list = await (await get("/api/v1/sessions", narrow)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(aliceId);
    const detail = await (await get(`/api/v1/sessions/${aliceId}`, everything)).json();
    expect(detail.turns.map((turn: { text: string }) => turn.text)).toEqual(["Tell me about the lighthouse keeper", "He kept the lamp lit"]);
  });

  await test.step("another user's conversation is 404 and never found", async () => {
    for (const path of [`/api/v1/sessions/${bobId}`, `/api/v1/sessions/${bobId}/export`]) {
      const response = await get(path, everything);
      expect(response.status(), path).toBe(404);
      expect(await response.json()).toMatchObject({ code: "not_found:session" });
    }
    const hits = await (await get("/api/v1/search?q=lighthouse", everything)).json();
    expect(hits.items.map((hit: { sessionId: string }) => hit.sessionId)).toEqual([aliceId]);
    const list = await (await get("/api/v1/sessions", everything)).json();
    expect(JSON.stringify(list)).not.toContain(bobId);
  });

  await test.step("the calls are listed under the key, route and status only", async () => {
    await alice.page.reload();
    const rows = await keys.openRequests(narrow);
    await expect(rows).toHaveCount(routes.length + 1);
    await expect(rows.filter({ hasText: "403" }).first()).toContainText("forbidden:api");
    await expect(alice.page.getByTestId("api-request-log")).not.toContainText(aliceId);
    await expect(keys.row(narrow)).not.toContainText("never used");
  });

  await test.step("a revoked key is refused with 401", async () => {
    await keys.revoke(everything);
    const response = await get("/api/v1/sessions", everything);
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ code: "unauthorized:api" });
    expect((await get("/api/v1/sessions", narrow)).status()).toBe(200);
    expect((await request.get("/api/v1/sessions")).status()).toBe(401);
  });
});

test("the API reference renders the OpenAPI document under the page's Content-Security-Policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const document = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/sessions");

  const response = await page.goto("/docs/api");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  await expect(page.getByText("List your conversations").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("LiveMind API").first()).toBeVisible();
  expect(violations).toEqual([]);
});
