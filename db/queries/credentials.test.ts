import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 3).toString("base64");
});

const { apiCredentials } = await import("@/db/schema");
const { getCredentialStatus, getStoredCredential } = await import("./credentials");
const { getGeminiKeyStatus, removeGeminiKey, resolveGeminiKey, saveGeminiKey } = await import("@/lib/gemini/credentials");
const { AppError } = await import("@/lib/errors/app-error");

const SECOND_KEY = "AIzaSyD0ub1e-LiveMind-TestKey-000000002";
const WRONG_KEY = "AIzaSyWrong-Key-That-Gemini-Refuses-0009";

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble({ validKeys: [SECOND_KEY] });
});
afterAll(() => double.close());

describeEachDriver("Gemini key management", ({ db }) => {
  const gemini = () => ({ baseUrl: double.url, serverKey: null });

  it("validates, seals and shows only the last four characters", async () => {
    const user = await createTestUser(db());
    const status = await saveGeminiKey(db(), { userId: user.id, apiKey: TEST_GEMINI_KEY }, gemini());
    expect(status).toMatchObject({ source: "user", serverKeyAvailable: false, userKey: { lastFour: "0001", isValid: true } });
    expect(JSON.stringify(status)).not.toContain(TEST_GEMINI_KEY.slice(0, -4));

    const [row] = await db().select().from(apiCredentials);
    expect(row?.userId).toBe(user.id);
    expect(JSON.stringify(row)).not.toContain(TEST_GEMINI_KEY);
    expect(await resolveGeminiKey(db(), { userId: user.id }, gemini())).toEqual({ apiKey: TEST_GEMINI_KEY, source: "user" });
    expect(await getCredentialStatus(db(), { userId: user.id })).toMatchObject({ hasOwnKey: true, lastFour: "0001", isValid: true });
  });

  it("refuses a key Gemini rejects with a field message and stores nothing", async () => {
    const user = await createTestUser(db());
    const error = await saveGeminiKey(db(), { userId: user.id, apiKey: WRONG_KEY }, gemini()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as InstanceType<typeof AppError>;
    expect(appError.code).toBe("bad_request:gemini");
    expect(appError.fieldErrors?.apiKey?.[0]).toMatch(/^That key was rejected by Gemini/);
    // Neither the message the browser sees nor the cause a log might print carries the key.
    expect(JSON.stringify(appError.toJSON())).not.toContain(WRONG_KEY);
    expect(String((appError.cause as Error).message)).not.toContain(WRONG_KEY);
    expect(await getStoredCredential(db(), { userId: user.id })).toBeNull();
  });

  it("replaces and deletes a key, falling back to the deployment's key", async () => {
    const user = await createTestUser(db());
    await saveGeminiKey(db(), { userId: user.id, apiKey: TEST_GEMINI_KEY }, gemini());
    const replaced = await saveGeminiKey(db(), { userId: user.id, apiKey: SECOND_KEY }, gemini());
    expect(replaced.userKey?.lastFour).toBe("0002");
    expect(await resolveGeminiKey(db(), { userId: user.id }, gemini())).toMatchObject({ apiKey: SECOND_KEY });

    const serverKey = { ...gemini(), serverKey: TEST_GEMINI_KEY };
    const removed = await removeGeminiKey(db(), { userId: user.id }, serverKey);
    expect(removed).toEqual({ source: "server", userKey: null, serverKeyAvailable: true });
    expect(await resolveGeminiKey(db(), { userId: user.id }, serverKey)).toEqual({ apiKey: TEST_GEMINI_KEY, source: "server" });
    expect(await getGeminiKeyStatus(db(), { userId: user.id }, gemini())).toMatchObject({ source: "none" });
  });

  it("asks for a key in Settings when there is none at all", async () => {
    const user = await createTestUser(db());
    await expect(resolveGeminiKey(db(), { userId: user.id }, gemini())).rejects.toThrow(/Add your Gemini API key in Settings/);
  });

  it("cannot open a key copied onto another user's row", async () => {
    const [alice, bob] = [await createTestUser(db()), await createTestUser(db())];
    await saveGeminiKey(db(), { userId: alice.id, apiKey: TEST_GEMINI_KEY }, gemini());
    const stored = await getStoredCredential(db(), { userId: alice.id });
    await db()
      .insert(apiCredentials)
      .values({ userId: bob.id, ...stored!.sealed, lastFour: stored!.lastFour, isValid: true });
    await expect(resolveGeminiKey(db(), { userId: bob.id }, gemini())).rejects.toThrow(/can no longer be read/);
  });
});
