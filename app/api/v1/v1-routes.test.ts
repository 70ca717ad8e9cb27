import { eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { createApiKey, listApiRequests, revokeApiKey } from "@/db/queries/api-keys";
import { apiKeys, liveSessions } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { storeConversation } from "@/db/test/history-fixtures";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/key";
import { documentedResponse } from "@/lib/api-v1/document-schema";
import { buildOpenApiDocument } from "@/lib/api-v1/openapi";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { addUserMemory } from "@/lib/memory/add-memory";
import { acting } from "@/db/test/acting-user";

vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const routes = {
  sessions: await import("./sessions/route"),
  session: await import("./sessions/[id]/route"),
  exportOne: await import("./sessions/[id]/export/route"),
  search: await import("./search/route"),
  insights: await import("./insights/route"),
  memories: await import("./memories/route"),
  memory: await import("./memories/[id]/route"),
};

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const document = buildOpenApiDocument() as unknown as Record<string, unknown>;

function call(
  handler: Handler,
  path: string,
  { key, query = {}, params = {}, method = "GET", body }: { key?: string; query?: Record<string, string>; params?: Record<string, string>; method?: string; body?: string },
) {
  const headers = key ? { authorization: `Bearer ${key}` } : undefined;
  return handler(new Request(`http://localhost${path}?${new URLSearchParams(query)}`, { headers, method, body }), { params: Promise.resolve(params) });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toMatchObject({ code, message: expect.stringMatching(/\w/) });
  // Every error answer is the document's Error shape.
  documentedResponse(document, "/api/v1/sessions", "get", String(status)).parse(body);
  return body;
}

describeEachDriver("/api/v1: keys, scopes, owners, limits and the documented shapes", ({ db }) => {
  let owner: { id: string };
  let mine: string;
  let theirs: string;
  let fullKey: string;
  let myMemory: string;
  let theirMemory: string;
  const keyWith = async (scopes: ApiScope[]) => (await createApiKey(db(), { userId: owner.id, input: { name: scopes.join(" "), scopes } })).key;

  beforeAll(async () => {
    acting.db = db();
    owner = await createTestUser(db());
    const other = await createTestUser(db());
    mine = (await storeConversation(db(), { userId: owner.id, startedAt: new Date("2030-01-02T10:00:00Z"), lines: ["what a sunny morning today", "it is lovely"] })).id;
    theirs = (await storeConversation(db(), { userId: other.id, startedAt: new Date("2030-01-02T11:00:00Z"), lines: ["a sunny secret of someone else", "ok"] })).id;
    // Found by their summaries too: the search answer then holds a summary hit (no line fields).
    await db().update(liveSessions).set({ summary: "Talked about the sunny weather." }).where(eq(liveSessions.id, mine));
    await db().update(liveSessions).set({ summary: "Someone else's sunny summary." }).where(eq(liveSessions.id, theirs));
    fullKey = await keyWith([...API_SCOPES]);
    myMemory = (await addUserMemory(db(), { userId: owner.id, content: "The user grows tomatoes" })).id;
    theirMemory = (await addUserMemory(db(), { userId: other.id, content: "Someone else's secret garden" })).id;
  });

  // Each route, the scope it needs, and a request that succeeds with it.
  const cases: { op: (typeof API_OPERATIONS)[keyof typeof API_OPERATIONS]; handler: Handler; path: string; query: Record<string, string>; params: () => Record<string, string>; body?: string }[] = [
    { op: API_OPERATIONS.listSessions, handler: routes.sessions.GET, path: "/api/v1/sessions", query: {}, params: () => ({}) },
    { op: API_OPERATIONS.getSession, handler: routes.session.GET, path: "/api/v1/sessions/{id}", query: {}, params: () => ({ id: mine }) },
    { op: API_OPERATIONS.exportSession, handler: routes.exportOne.GET, path: "/api/v1/sessions/{id}/export", query: {}, params: () => ({ id: mine }) },
    { op: API_OPERATIONS.searchTranscripts, handler: routes.search.GET, path: "/api/v1/search", query: { q: "sunny" }, params: () => ({}) },
    { op: API_OPERATIONS.getInsights, handler: routes.insights.GET, path: "/api/v1/insights", query: { range: "custom", from: "2030-01-01", to: "2030-01-31", tz: "Europe/Paris" }, params: () => ({}) },
    { op: API_OPERATIONS.listMemories, handler: routes.memories.GET, path: "/api/v1/memories", query: { q: "tomatoes" }, params: () => ({}) },
    { op: API_OPERATIONS.addMemory, handler: routes.memories.POST, path: "/api/v1/memories", query: {}, params: () => ({}), body: JSON.stringify({ content: "The user likes jazz" }) },
    { op: API_OPERATIONS.deleteMemory, handler: routes.memory.DELETE, path: "/api/v1/memories/{id}", query: {}, params: () => ({ id: myMemory }) },
  ];

  it("covers every operation of the document", () => {
    expect(cases.map((c) => c.op.id).sort()).toEqual(Object.keys(API_OPERATIONS).sort());
  });

  for (const c of cases) {
    it(`${c.op.id}: allowed with ${c.op.scope} (answer matches the document), refused without it`, async () => {
      const method = c.op.method.toUpperCase();
      const ok = await call(c.handler, c.path, { key: await keyWith([c.op.scope]), query: c.query, params: c.params(), method, body: c.body });
      expect(ok.status).toBe(200);
      documentedResponse(document, c.op.path, c.op.method, "200").parse(await ok.json());

      const others = API_SCOPES.filter((scope) => scope !== c.op.scope);
      const refused = await call(c.handler, c.path, { key: await keyWith(others), query: c.query, params: c.params(), method, body: c.body });
      await expectError(refused, 403, "forbidden:api");
    });
  }

  it("returns the caller's data only: another user's conversation is 404, never in a list or search", async () => {
    const list = await (await call(routes.sessions.GET, "/x", { key: fullKey })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([mine]);
    const hits = await (await call(routes.search.GET, "/x", { key: fullKey, query: { q: "sunny" } })).json();
    expect(hits.items.map((hit: { sessionId: string; match: string }) => [hit.match, hit.sessionId]).sort()).toEqual([["line", mine], ["summary", mine]]);
    expect(hits.items.find((hit: { match: string }) => hit.match === "summary")).toMatchObject({ id: mine, sequenceNumber: null, sender: null, startOffsetMs: null });
    await expectError(await call(routes.session.GET, "/x", { key: fullKey, params: { id: theirs } }), 404, "not_found:session");
    await expectError(await call(routes.exportOne.GET, "/x", { key: fullKey, params: { id: theirs } }), 404, "not_found:session");
    await expectError(await call(routes.session.GET, "/x", { key: fullKey, params: { id: "not-a-uuid" } }), 404, "not_found:session");

    const detail = await (await call(routes.session.GET, "/x", { key: fullKey, params: { id: mine } })).json();
    expect(detail.turns.map((t: { text: string }) => t.text)).toEqual(["what a sunny morning today", "it is lovely"]);
    const markdown = await call(routes.exportOne.GET, "/x", { key: fullKey, params: { id: mine }, query: { format: "md" } });
    expect(markdown.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(await markdown.text()).toContain("what a sunny morning today");
  });

  it("memories: lists, adds and deletes the caller's own only; bad bodies are 400", async () => {
    const listed = await (await call(routes.memories.GET, "/x", { key: fullKey })).json();
    expect(JSON.stringify(listed)).not.toContain("secret garden");
    await expectError(await call(routes.memory.DELETE, "/x", { key: fullKey, method: "DELETE", params: { id: theirMemory } }), 404, "not_found:memory");
    await expectError(await call(routes.memory.DELETE, "/x", { key: fullKey, method: "DELETE", params: { id: "nope" } }), 404, "not_found:api");

    const added = await call(routes.memories.POST, "/x", { key: fullKey, method: "POST", body: JSON.stringify({ content: "The user cycles to work", kind: "preference" }) });
    const { id, created } = await added.json();
    expect(created).toBe(true);
    const again = await (await call(routes.memories.POST, "/x", { key: fullKey, method: "POST", body: JSON.stringify({ content: "the user cycles to work" }) })).json();
    expect(again).toEqual({ id, created: false });
    const found = await (await call(routes.memories.GET, "/x", { key: fullKey, query: { q: "cycles" } })).json();
    expect(found.items.map((m: { id: string; kind: string }) => [m.id, m.kind])).toEqual([[id, "preference"]]);

    for (const body of ["not json", JSON.stringify({ content: "" }), JSON.stringify({ content: "a\u0000b" }), JSON.stringify({ content: "x", userId: "someone" }), JSON.stringify({ content: "x".repeat(501) })]) {
      await expectError(await call(routes.memories.POST, "/x", { key: fullKey, method: "POST", body }), 400, "bad_request:input");
    }
  });

  it("answers 401 with WWW-Authenticate for no key, a malformed, unknown or revoked key", async () => {
    const revokedKey = await createApiKey(db(), { userId: owner.id, input: { name: "old", scopes: ["sessions:read"] } });
    await revokeApiKey(db(), { userId: owner.id, keyId: revokedKey.apiKey.id });
    for (const key of [undefined, "nope", `lm_${"A".repeat(43)}`, revokedKey.key]) {
      const response = await call(routes.sessions.GET, "/x", { key });
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      await expectError(response, 401, "unauthorized:api");
    }
  });

  it("refuses bad parameters with a 400 naming the field", async () => {
    const bad = await expectError(await call(routes.sessions.GET, "/x", { key: fullKey, query: { from: "2024-02-31" } }), 400, "bad_request:input");
    expect(bad.fieldErrors.from).toBeDefined();
    const unknown = await expectError(await call(routes.sessions.GET, "/x", { key: fullKey, query: { colour: "red" } }), 400, "bad_request:input");
    expect(JSON.stringify(unknown.fieldErrors)).toContain("colour");
    await expectError(await call(routes.search.GET, "/x", { key: fullKey, query: { q: "" } }), 400, "bad_request:input");
    await expectError(await call(routes.sessions.GET, "/x", { key: fullKey, query: { cursor: "garbage" } }), 400, "bad_request:input");
    await expectError(await call(routes.insights.GET, "/x", { key: fullKey, query: { range: "custom", from: "2030-01-01" } }), 400, "bad_request:input");
  });

  it("limits each key per minute with 429 and Retry-After, counted in the database", async () => {
    const { key, apiKey } = await createApiKey(db(), { userId: owner.id, input: { name: "busy", scopes: ["sessions:read"] } });
    await db().update(apiKeys).set({ rateLimitPerMinute: 2 }).where(eq(apiKeys.id, apiKey.id));
    const statuses = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const response = await call(routes.sessions.GET, "/x", { key });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        await expectError(response, 429, "rate_limit:api");
      }
    }
    // Two fit in one minute unless the test straddles a minute boundary.
    expect(statuses.filter((s) => s === 429).length).toBeLessThanOrEqual(1);
    if (statuses[2] === 429) expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
  });

  it("records every request made with a key: route template, status, error code, never the query", async () => {
    const { key, apiKey } = await createApiKey(db(), { userId: owner.id, input: { name: "audited", scopes: ["sessions:read"] } });
    await call(routes.sessions.GET, "/x", { key, query: { status: "ended" } });
    await call(routes.session.GET, "/x", { key, params: { id: mine } });
    const records = await listApiRequests(db(), { userId: owner.id, keyId: apiKey.id });
    expect(records.map((r) => [r.method, r.route, r.status, r.errorCode])).toEqual([
      ["GET", "/api/v1/sessions/{id}", 403, "forbidden:api"],
      ["GET", "/api/v1/sessions", 200, null],
    ]);
    expect(JSON.stringify(records)).not.toContain("ended");
    expect(JSON.stringify(records)).not.toContain(mine);
  });
});
