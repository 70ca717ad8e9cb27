import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";

const KEY_V1 = Buffer.alloc(32, 11).toString("base64");
const KEY_V2 = Buffer.alloc(32, 12).toString("base64");

// The deployment has rotated: version 2 is current, version 1 still opens.
vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEYS = `1:${Buffer.alloc(32, 11).toString("base64")},2:${Buffer.alloc(32, 12).toString("base64")}`;
});

const { apiCredentials, webhookEndpoints } = await import("@/db/schema");
const { openPglite } = await import("@/db/index");
const { migrateDatabase } = await import("@/db/migrate");
const { upsertCredential } = await import("./credentials");
const { rotateCredentials } = await import("./credentials-rotation");
const { resolveGeminiKey } = await import("@/lib/gemini/credentials");
const { openSecret, sealSecret } = await import("@/lib/gemini/crypto");
const { buildKeyRing } = await import("@/lib/gemini/key-ring");

const before = buildKeyRing({ keys: `1:${KEY_V1}`, legacyVersion: 1, authSecret: () => "unused-secret-unused-secret-unused-0" });
const after = buildKeyRing({ keys: `2:${KEY_V2}`, legacyVersion: 1, authSecret: () => "unused-secret-unused-secret-unused-0" });
const apiKeyOf = (n: number) => `AIzaSyRotation-Test-Key-${String(n).padStart(14, "0")}`;

type Db = Parameters<typeof upsertCredential>[0];

async function storeSealedWithV1(db: Db, n: number) {
  const user = await createTestUser(db);
  const apiKey = apiKeyOf(n);
  await upsertCredential(db, { userId: user.id, sealed: sealSecret(apiKey, { userId: user.id }, before), lastFour: apiKey.slice(-4), validatedAt: new Date() });
  return { userId: user.id, apiKey };
}

async function rowOf(db: Db, userId: string) {
  const [row] = await db.select().from(apiCredentials).where(eq(apiCredentials.userId, userId));
  return row!;
}

describeEachDriver("credential key rotation", ({ db }) => {
  it("reads a record sealed with the old key and re-seals it with the current one on use, once", async () => {
    const { userId, apiKey } = await storeSealedWithV1(db(), 1);
    const old = await rowOf(db(), userId);
    expect(old.keyVersion).toBe(1);

    expect(await resolveGeminiKey(db(), { userId }, { serverKey: null })).toEqual({ apiKey, source: "user" });
    const resealed = await rowOf(db(), userId);
    expect(resealed.keyVersion).toBe(2);
    expect(resealed.ciphertext).not.toBe(old.ciphertext);
    // Only the new key is needed now.
    expect(openSecret(resealed, { userId }, after)).toBe(apiKey);

    // Using it again reads the current record and writes nothing.
    expect(await resolveGeminiKey(db(), { userId }, { serverKey: null })).toEqual({ apiKey, source: "user" });
    expect((await rowOf(db(), userId)).ciphertext).toBe(resealed.ciphertext);
  });

  it("re-seals every old record in batches, counts what it could not open, and a second run finds nothing", async () => {
    const users = await Promise.all([2, 3, 4, 5, 6].map((n) => storeSealedWithV1(db(), n)));
    const broken = await storeSealedWithV1(db(), 7);
    await db().update(apiCredentials).set({ authTag: Buffer.alloc(16, 1).toString("base64") }).where(eq(apiCredentials.userId, broken.userId));

    const counts = await rotateCredentials(db(), { batchSize: 2 });
    expect(counts).toEqual({ resealed: 5, skipped: 0, failed: 1, currentVersion: 2 });
    for (const { userId, apiKey } of users) {
      const row = await rowOf(db(), userId);
      expect(row.keyVersion).toBe(2);
      expect(openSecret(row, { userId }, after)).toBe(apiKey);
    }
    expect((await rowOf(db(), broken.userId)).keyVersion).toBe(1);
    expect(await rotateCredentials(db(), { batchSize: 2 })).toEqual({ resealed: 0, skipped: 0, failed: 1, currentVersion: 2 });
  });
});

describe("npm run credentials:rotate", () => {
  it("re-seals the embedded database's records, seals webhook secrets left in clear, and prints counts, never a key or secret", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "livemind-rotate-"));
    try {
      const handle = await openPglite(path.join(dataDir, "pglite"));
      let stored: { userId: string; apiKey: string };
      const webhookSecret = "whsec_" + Buffer.alloc(24, 5).toString("base64");
      try {
        await migrateDatabase(handle);
        stored = await storeSealedWithV1(handle.db, 8);
        await handle.db.insert(webhookEndpoints).values({ userId: stored.userId, url: "https://hooks.example.com/cli", events: ["memory.created"], secret: webhookSecret });
      } finally {
        await handle.close();
      }
      const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "db/cli/rotate-credentials.ts"], {
        cwd: process.cwd(),
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, LIVEMIND_DATA_DIR: dataDir, DATABASE_URL: "", DATABASE_DRIVER: "pglite", NODE_ENV: "test" },
      });
      expect(run.stderr).not.toMatch(/Error/);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/key version 2: 1 re-sealed, 0 changed meanwhile \(left as they are\), 0 unreadable/);
      expect(run.stdout).toMatch(/Webhook signing secrets sealed with key version 2: 1 sealed or re-sealed, 0 changed meanwhile \(left as they are\), 0 unreadable/);
      for (const secret of [KEY_V1, KEY_V2, stored.apiKey, webhookSecret]) expect(run.stdout + run.stderr).not.toContain(secret);

      const reopened = await openPglite(path.join(dataDir, "pglite"));
      try {
        const row = await rowOf(reopened.db, stored.userId);
        expect(row.keyVersion).toBe(2);
        expect(openSecret(row, { userId: stored.userId }, after)).toBe(stored.apiKey);
        const [endpoint] = await reopened.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.userId, stored.userId));
        expect(endpoint).toMatchObject({ secret: null, secretKeyVersion: 2 });
        const sealed = { ciphertext: endpoint!.secretCiphertext!, iv: endpoint!.secretIv!, authTag: endpoint!.secretAuthTag!, keyVersion: 2 };
        expect(openSecret(sealed, { userId: stored.userId }, after)).toBe(webhookSecret);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
