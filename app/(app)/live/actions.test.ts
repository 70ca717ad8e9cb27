import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import { acting } from "@/db/test/acting-user";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
});

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { env } = await import("@/lib/env");
const { deleteGeminiApiKey, saveGeminiApiKey } = await import("../settings/actions");
const { endLiveSession, markLiveSessionActive, rememberLiveVoice, renewLiveToken, startLiveSession } = await import("./actions");
const { getPreferences } = await import("@/db/queries/preferences");

let double: GeminiDouble;
const saved = { baseUrl: env.GEMINI_API_BASE_URL, serverKey: env.GEMINI_API_KEY };
beforeAll(async () => {
  double = await startGeminiDouble();
  // The actions read their endpoint from configuration, as in the e2e suite.
  Object.assign(env, { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: undefined });
});
afterAll(async () => {
  Object.assign(env, { GEMINI_API_BASE_URL: saved.baseUrl, GEMINI_API_KEY: saved.serverKey });
  await double.close();
});

const WRONG_KEY = "AIzaSyWrong-Key-Pasted-In-Settings-00077";

describeEachDriver("live and key actions", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    acting.userId = (await createTestUser(db())).id;
  });

  it("never return the key: save, start, renew, mark, end", async () => {
    const results: unknown[] = [];
    const save = await saveGeminiApiKey({ apiKey: ` ${TEST_GEMINI_KEY} ` });
    expect(save).toMatchObject({ ok: true, data: { source: "user", userKey: { lastFour: "0001" } } });
    results.push(save);

    const start = await startLiveSession({ voice: "Kore", personaId: null, cameraEnabled: false, micEnabled: true });
    if (!start.ok) throw new Error(start.error.message);
    expect(start.data).toMatchObject({ model: env.GEMINI_LIVE_MODEL, apiBaseUrl: double.url, token: expect.stringMatching(/^auth_tokens\//) });
    const { sessionId } = start.data;
    results.push(start);
    results.push(await renewLiveToken({ sessionId }));
    results.push(await markLiveSessionActive({ sessionId }));
    const end = await endLiveSession({ sessionId, status: "ENDED" });
    expect(end).toMatchObject({ ok: true, data: { sessionId, status: "ENDED" } });
    results.push(end);

    const everything = JSON.stringify(results);
    expect(everything).not.toContain(TEST_GEMINI_KEY);
    expect(everything).not.toContain(TEST_GEMINI_KEY.slice(0, 20));
  });

  it("report a rejected key as a field message, without echoing it", async () => {
    const result = await saveGeminiApiKey({ apiKey: WRONG_KEY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("bad_request:gemini");
    expect(result.error.fieldErrors?.apiKey?.[0]).toMatch(/^That key was rejected by Gemini/);
    expect(JSON.stringify(result)).not.toContain(WRONG_KEY);

    const start = await startLiveSession({ voice: "Kore", cameraEnabled: false, micEnabled: true });
    expect(start).toMatchObject({ ok: false, error: { code: "bad_request:gemini", message: expect.stringMatching(/Settings/) } });
  });

  it("validate input and ownership", async () => {
    expect(await saveGeminiApiKey({ apiKey: "short" })).toMatchObject({ ok: false, error: { code: "bad_request:input", fieldErrors: { apiKey: expect.any(Array) } } });
    expect(await endLiveSession({ sessionId: "nope", status: "ENDED" })).toMatchObject({ ok: false, error: { code: "bad_request:input" } });

    await saveGeminiApiKey({ apiKey: TEST_GEMINI_KEY });
    const start = await startLiveSession({ voice: "Kore", cameraEnabled: false, micEnabled: true });
    if (!start.ok) throw new Error(start.error.message);
    acting.userId = (await createTestUser(db())).id;
    expect(await endLiveSession({ sessionId: start.data.sessionId, status: "ENDED" })).toMatchObject({ ok: false, error: { code: "not_found:session" } });
    expect(await deleteGeminiApiKey({})).toMatchObject({ ok: true, data: { source: "none", userKey: null } });
  });

  it("remember the voice picked on Live as the user's own default, and refuse anything else", async () => {
    expect(await rememberLiveVoice({ defaultVoice: "Charon" })).toEqual({ ok: true, data: { defaultVoice: "Charon" } });
    expect(await getPreferences(db(), { userId: acting.userId! })).toMatchObject({ defaultVoice: "Charon" });

    expect(await rememberLiveVoice({ defaultVoice: "Nobody" })).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
    const other = acting.userId!;
    acting.userId = (await createTestUser(db())).id;
    expect(await rememberLiveVoice({ defaultVoice: "Kore", userId: other })).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
    expect(await getPreferences(db(), { userId: other })).toMatchObject({ defaultVoice: "Charon" });
  });
});
