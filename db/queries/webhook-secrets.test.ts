import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";

const KEY_V1 = Buffer.alloc(32, 21).toString("base64");
const KEY_V2 = Buffer.alloc(32, 22).toString("base64");

// The deployment has rotated: version 2 seals, version 1 still opens.
vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEYS = `1:${Buffer.alloc(32, 21).toString("base64")},2:${Buffer.alloc(32, 22).toString("base64")}`;
});

const { webhookEndpoints } = await import("@/db/schema");
const { runDueJobs } = await import("@/lib/jobs/runner");
const { makeWebhookDeliveryJob } = await import("@/lib/webhooks/deliver");
const { emitWebhookEvent } = await import("@/lib/webhooks/emit");
const { generateWebhookSecret, WEBHOOK_JOB } = await import("@/lib/webhooks/webhook");
const { openSecret, sealSecret } = await import("@/lib/gemini/crypto");
const { buildKeyRing } = await import("@/lib/gemini/key-ring");
const { createWebhookEndpoint } = await import("./webhooks");
const { sealedSecretValues } = await import("./webhook-secrets");
const { rotateWebhookSecrets } = await import("./credentials-rotation");

const authSecret = () => "unused-secret-unused-secret-unused-0";
const onlyV1 = buildKeyRing({ keys: `1:${KEY_V1}`, legacyVersion: 1, authSecret });
const onlyV2 = buildKeyRing({ keys: `2:${KEY_V2}`, legacyVersion: 1, authSecret });

type Db = Parameters<typeof createWebhookEndpoint>[0];

async function rowOf(db: Db, endpointId: string) {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  return row!;
}

/** An endpoint as it was stored before secrets were sealed: the plaintext in `secret`. */
async function legacyEndpoint(db: Db, userId: string) {
  const secret = generateWebhookSecret();
  const [row] = await db.insert(webhookEndpoints).values({ userId, url: "https://hooks.example.com/legacy", events: ["memory.created"], secret }).returning({ id: webhookEndpoints.id });
  return { secret, endpointId: row!.id };
}

/** Delivers the user's due webhooks to a recorder instead of the network. */
async function deliverAll(db: Db, userId: string) {
  const received: { headers: Record<string, string>; body: string }[] = [];
  const job = makeWebhookDeliveryJob({
    allowPrivate: false,
    resolve: async () => ["93.184.215.14"],
    post: async (_url, { headers, body }) => {
      received.push({ headers, body });
      return { status: 204, address: "93.184.215.14", bodyBytes: 0, truncated: false };
    },
  });
  await runDueJobs(db, { [WEBHOOK_JOB]: job }, { userId });
  return received;
}

describeEachDriver("webhook signing secrets at rest", ({ db }) => {
  it("stores a new endpoint's secret sealed with the current key, no plaintext, and its deliveries still verify", async () => {
    const owner = await createTestUser(db());
    const { secret, endpoint } = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/sealed", events: ["memory.created"], includeTranscript: false });
    const row = await rowOf(db(), endpoint.id);
    expect(row.secret).toBeNull();
    expect(row.secretKeyVersion).toBe(2);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice("whsec_".length));
    expect(openSecret({ ciphertext: row.secretCiphertext!, iv: row.secretIv!, authTag: row.secretAuthTag!, keyVersion: 2 }, { userId: owner.id }, onlyV2)).toBe(secret);

    await emitWebhookEvent(db(), { userId: owner.id, type: "memory.created", data: { memoryId: "m1" } });
    const [got] = await deliverAll(db(), owner.id);
    expect(new Webhook(secret).verify(got!.body, got!.headers)).toMatchObject({ type: "memory.created", data: { memoryId: "m1" } });
  });

  it("seals a legacy plaintext secret when it next signs, and signs with the same secret", async () => {
    const owner = await createTestUser(db());
    const { secret, endpointId } = await legacyEndpoint(db(), owner.id);
    await emitWebhookEvent(db(), { userId: owner.id, type: "memory.created", data: { memoryId: "m2" } });
    const [got] = await deliverAll(db(), owner.id);
    expect(new Webhook(secret).verify(got!.body, got!.headers)).toMatchObject({ data: { memoryId: "m2" } });

    const row = await rowOf(db(), endpointId);
    expect(row.secret).toBeNull();
    expect(row.secretKeyVersion).toBe(2);
    expect(JSON.stringify(row)).not.toContain(secret.slice("whsec_".length));
    // The next delivery opens the sealed record and signs with the same secret.
    await emitWebhookEvent(db(), { userId: owner.id, type: "memory.created", data: { memoryId: "m3" } });
    const [again] = await deliverAll(db(), owner.id);
    expect(new Webhook(secret).verify(again!.body, again!.headers)).toMatchObject({ data: { memoryId: "m3" } });
    expect((await rowOf(db(), endpointId)).secretCiphertext).toBe(row.secretCiphertext);
  });

  it("refuses a row with both forms or neither", async () => {
    const owner = await createTestUser(db());
    const sealed = sealedSecretValues(sealSecret(generateWebhookSecret(), { userId: owner.id }));
    const base = { userId: owner.id, url: "https://hooks.example.com/bad", events: ["memory.created"] };
    await expect(db().insert(webhookEndpoints).values({ ...base, ...sealed, secret: generateWebhookSecret() })).rejects.toThrow();
    await expect(db().insert(webhookEndpoints).values(base)).rejects.toThrow();
    await expect(db().insert(webhookEndpoints).values({ ...base, ...sealed, secretIv: null })).rejects.toThrow();
  });

  it("credentials:rotate re-seals secrets sealed with an old key and seals plaintext ones; a second run finds nothing", async () => {
    const owner = await createTestUser(db());
    const old = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/old", events: ["memory.created"], includeTranscript: false });
    await db().update(webhookEndpoints).set(sealedSecretValues(sealSecret(old.secret, { userId: owner.id }, onlyV1))).where(eq(webhookEndpoints.id, old.endpoint.id));
    const legacy = await legacyEndpoint(db(), owner.id);
    const broken = await createWebhookEndpoint(db(), { userId: owner.id, url: "https://hooks.example.com/broken", events: ["memory.created"], includeTranscript: false });
    await db()
      .update(webhookEndpoints)
      .set({ ...sealedSecretValues(sealSecret(broken.secret, { userId: owner.id }, onlyV1)), secretAuthTag: Buffer.alloc(16, 1).toString("base64") })
      .where(eq(webhookEndpoints.id, broken.endpoint.id));

    const first = await rotateWebhookSecrets(db(), { batchSize: 1 });
    // The earlier tests' endpoints are all sealed with version 2 by now: only these three are due.
    expect(first).toEqual({ resealed: 2, skipped: 0, failed: 1, currentVersion: 2 });
    for (const { id, secret } of [
      { id: old.endpoint.id, secret: old.secret },
      { id: legacy.endpointId, secret: legacy.secret },
    ]) {
      const row = await rowOf(db(), id);
      expect(row.secret).toBeNull();
      expect(row.secretKeyVersion).toBe(2);
      expect(openSecret({ ciphertext: row.secretCiphertext!, iv: row.secretIv!, authTag: row.secretAuthTag!, keyVersion: 2 }, { userId: owner.id }, onlyV2)).toBe(secret);
    }
    expect((await rowOf(db(), broken.endpoint.id)).secretKeyVersion).toBe(1);
    expect(await rotateWebhookSecrets(db(), { batchSize: 1 })).toEqual({ resealed: 0, skipped: 0, failed: 1, currentVersion: 2 });
  });
});
