import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import { acting } from "@/db/test/acting-user";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 8).toString("base64");
  process.env.LIVE_TOKEN_RATE_LIMIT_MAX = "3";
  process.env.LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS = "300";
});

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { env } = await import("@/lib/env");
const { saveGeminiApiKey } = await import("../settings/actions");
const { renewLiveToken, startLiveSession } = await import("./actions");
const { setQuotaOverride } = await import("@/db/queries/quotas");

let double: GeminiDouble;
const saved = { baseUrl: env.GEMINI_API_BASE_URL, serverKey: env.GEMINI_API_KEY };
beforeAll(async () => {
  double = await startGeminiDouble();
  Object.assign(env, { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: undefined });
});
afterAll(async () => {
  Object.assign(env, { GEMINI_API_BASE_URL: saved.baseUrl, GEMINI_API_KEY: saved.serverKey });
  await double.close();
});

const start = (replaceActive = true) => startLiveSession({ voice: "Kore", personaId: null, cameraEnabled: false, micEnabled: true, replaceActive });

describeEachDriver("live actions at the limits", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    acting.userId = (await createTestUser(db())).id;
    expect(await saveGeminiApiKey({ apiKey: TEST_GEMINI_KEY })).toMatchObject({ ok: true });
  });

  it("answer rate_limit:token with when to retry once the user has minted too many tokens", async () => {
    const first = await start();
    if (!first.ok) throw new Error(first.error.message);
    expect(await renewLiveToken({ sessionId: first.data.sessionId })).toMatchObject({ ok: true });
    expect(await start()).toMatchObject({ ok: true });
    const refused = await start();
    expect(refused).toEqual({
      ok: false,
      error: { code: "rate_limit:token", message: expect.stringMatching(/^Too many conversation starts and reconnections in a short time\. Please wait \d+ (seconds|minutes) and try again\.$/), retryAfterSeconds: expect.any(Number) },
    });
    if (refused.ok) return;
    expect(refused.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.error.retryAfterSeconds).toBeLessThanOrEqual(300);
  });

  it("answer a clear quota message when the month's minutes are none, and a concurrency conflict without replaceActive", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const first = await start(false);
    expect(first).toMatchObject({ ok: true });
    expect(await start(false)).toMatchObject({ ok: false, error: { code: "conflict:session", message: expect.stringMatching(/already running/) } });
    await setQuotaOverride(db(), { actorId: admin.id, userId: acting.userId!, values: { concurrentSessionsLimit: null, monthlyMinutesLimit: 0 } });
    expect(await start()).toMatchObject({
      ok: false,
      error: { code: "rate_limit:quota", message: expect.stringMatching(/no conversation minutes this month/), retryAfterSeconds: expect.any(Number) },
    });
  });
});
