import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { adminAuditLog, apiKeys } from "@/db/schema";
import { API_KEY_PATTERN, hashApiKey, MAX_KEYS_PER_USER } from "@/lib/api-keys/key";
import { authenticateApiKey, createApiKey, listApiKeys, listApiRequests, recordApiRequest, revokeApiKey, takeRateLimit } from "./api-keys";
import { getApiKeyCountsForAdmin, revokeApiKeysAsAdmin } from "./api-keys-admin";

const input = { name: "Reporting script", scopes: ["sessions:read" as const, "analytics:read" as const] };

describeEachDriver("API keys", ({ db }) => {
  it("creates a key shown once, stores only its hash, and authenticates it", async () => {
    const owner = await createTestUser(db());
    const { key, apiKey } = await createApiKey(db(), { userId: owner.id, input });
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(await listApiKeys(db(), { userId: owner.id }))).not.toContain(key);

    const auth = await authenticateApiKey(db(), { key });
    expect(auth).toEqual({ keyId: apiKey.id, userId: owner.id, scopes: ["sessions:read", "analytics:read"], rateLimitPerMinute: 120 });
    const [listed] = await listApiKeys(db(), { userId: owner.id });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(db(), { key: `${key.slice(0, -1)}x` })).toBeNull();
  });

  it("refuses expired and revoked keys; another user's key is not found", async () => {
    const owner = await createTestUser(db());
    const other = await createTestUser(db());
    const now = new Date("2026-01-01T00:00:00Z");
    const expiring = await createApiKey(db(), { userId: owner.id, input: { ...input, expiresInDays: 1 }, now });
    expect(await authenticateApiKey(db(), { key: expiring.key, now: new Date("2026-01-01T23:59:00Z") })).not.toBeNull();
    expect(await authenticateApiKey(db(), { key: expiring.key, now: new Date("2026-01-02T00:00:01Z") })).toBeNull();

    const { key, apiKey } = await createApiKey(db(), { userId: owner.id, input });
    await expect(revokeApiKey(db(), { userId: other.id, keyId: apiKey.id })).rejects.toMatchObject({ code: "not_found:api" });
    expect(await authenticateApiKey(db(), { key })).not.toBeNull();
    await revokeApiKey(db(), { userId: owner.id, keyId: apiKey.id });
    await revokeApiKey(db(), { userId: owner.id, keyId: apiKey.id });
    expect(await authenticateApiKey(db(), { key })).toBeNull();
    expect(await listApiKeys(db(), { userId: other.id })).toEqual([]);
  });

  it(`caps live keys at ${MAX_KEYS_PER_USER} per user`, async () => {
    const owner = await createTestUser(db());
    for (let i = 0; i < MAX_KEYS_PER_USER; i++) await createApiKey(db(), { userId: owner.id, input });
    await expect(createApiKey(db(), { userId: owner.id, input })).rejects.toMatchObject({ code: "conflict:api" });
  });

  it("counts requests per key and minute in the database and says when to retry", async () => {
    const owner = await createTestUser(db());
    const { apiKey } = await createApiKey(db(), { userId: owner.id, input });
    const now = new Date("2026-01-01T10:00:45Z");
    const results = await Promise.all(Array.from({ length: 5 }, () => takeRateLimit(db(), { keyId: apiKey.id, limit: 3, now })));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.find((r) => !r.allowed)?.retryAfterSeconds).toBe(15);
    expect((await takeRateLimit(db(), { keyId: apiKey.id, limit: 3, now: new Date("2026-01-01T10:01:00Z") })).allowed).toBe(true);
  });

  it("records requests without bodies and shows them to the key's owner only", async () => {
    const owner = await createTestUser(db());
    const other = await createTestUser(db());
    const { apiKey } = await createApiKey(db(), { userId: owner.id, input });
    await recordApiRequest(db(), { keyId: apiKey.id, userId: owner.id, method: "GET", route: "/api/v1/sessions", status: 200, durationMs: 12.4, errorCode: null });
    await recordApiRequest(db(), { keyId: apiKey.id, userId: owner.id, method: "GET", route: "/api/v1/sessions/{id}", status: 404, durationMs: 3, errorCode: "not_found:session" });
    const records = await listApiRequests(db(), { userId: owner.id, keyId: apiKey.id });
    expect(records.map((r) => [r.route, r.status, r.errorCode])).toEqual([
      ["/api/v1/sessions/{id}", 404, "not_found:session"],
      ["/api/v1/sessions", 200, null],
    ]);
    expect(records[1]?.durationMs).toBe(12);
    await expect(listApiRequests(db(), { userId: other.id, keyId: apiKey.id })).rejects.toMatchObject({ code: "not_found:api" });
  });

  it("lets an admin count and revoke a user's keys, audited, and nobody else", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const owner = await createTestUser(db());
    const a = await createApiKey(db(), { userId: owner.id, input });
    await createApiKey(db(), { userId: owner.id, input });
    await revokeApiKey(db(), { userId: owner.id, keyId: a.apiKey.id });
    await recordApiRequest(db(), { keyId: a.apiKey.id, userId: owner.id, method: "GET", route: "/api/v1/sessions", status: 200, durationMs: 1, errorCode: null });
    expect(await getApiKeyCountsForAdmin(db(), { actorId: admin.id, userId: owner.id })).toEqual({ active: 1, revoked: 1, requestsLast30Days: 1 });
    await expect(getApiKeyCountsForAdmin(db(), { actorId: owner.id, userId: owner.id })).rejects.toMatchObject({ code: "not_found:admin" });
    await expect(revokeApiKeysAsAdmin(db(), { actorId: owner.id, userId: owner.id })).rejects.toMatchObject({ code: "not_found:admin" });

    await expect(revokeApiKeysAsAdmin(db(), { actorId: admin.id, userId: "no-such-user" })).rejects.toMatchObject({ code: "not_found:user" });
    expect(await revokeApiKeysAsAdmin(db(), { actorId: admin.id, userId: owner.id })).toEqual({ keysRevoked: 1 });
    expect((await getApiKeyCountsForAdmin(db(), { actorId: admin.id, userId: owner.id })).active).toBe(0);
    const audit = await db().select().from(adminAuditLog).where(eq(adminAuditLog.targetUserId, owner.id));
    expect(audit.map((e) => [e.action, e.details])).toEqual([["revoke_api_keys", { keysRevoked: 1 }]]);
  });
});
