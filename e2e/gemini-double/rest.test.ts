import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_GEMINI_KEY } from "./constants";
import { type GeminiDouble, startGeminiDouble } from "./server";
import { client } from "./test-support";

let double: GeminiDouble;

beforeAll(async () => {
  double = await startGeminiDouble({ validKeys: ["AIzaSyExtraKeyForTheDoubleTests-0000002"] });
});
afterAll(async () => {
  await double.close();
});

describe("Gemini double REST, through the real SDK", () => {
  it("lists models for a valid key (the default and an extra one)", async () => {
    for (const key of [TEST_GEMINI_KEY, "AIzaSyExtraKeyForTheDoubleTests-0000002"]) {
      const pager = await client(key, double.url).models.list();
      const names = pager.page.map((model) => model.name);
      expect(names).toContain("models/gemini-2.5-flash-native-audio-preview-12-2025");
    }
    expect(TEST_GEMINI_KEY).toMatch(/^AIza[A-Za-z0-9_-]{35}$/);
  });

  it("rejects an unknown key with the API's 400 API_KEY_INVALID error", async () => {
    const error = await client("AIzaSyNotARealKeyAtAll-000000000000000", double.url)
      .models.get({ model: "gemini-2.5-flash" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });
    const body = JSON.parse((error as Error).message);
    expect(body.error.status).toBe("INVALID_ARGUMENT");
    expect(body.error.message).toBe("API key not valid. Please pass a valid API key.");
    expect(body.error.details[0].reason).toBe("API_KEY_INVALID");
  });

  it("gets one model, and 404s an unknown one", async () => {
    const ai = client(TEST_GEMINI_KEY, double.url);
    await expect(ai.models.get({ model: "gemini-2.5-flash" })).resolves.toMatchObject({ name: "models/gemini-2.5-flash" });
    await expect(ai.models.get({ model: "no-such-model" })).rejects.toMatchObject({ status: 404 });
  });

  it("mints an ephemeral token that is only a name, and remembers its constraints", async () => {
    const before = double.received().authTokensMinted;
    const token = await client(TEST_GEMINI_KEY, double.url).authTokens.create({
      config: {
        uses: 1,
        expireTime: new Date(Date.now() + 30 * 60_000).toISOString(),
        newSessionExpireTime: new Date(Date.now() + 60_000).toISOString(),
        liveConnectConstraints: { model: "gemini-2.5-flash-native-audio-preview-12-2025", config: { temperature: 0.7 } },
        lockAdditionalFields: [],
      },
    });
    expect(Object.keys(token)).toEqual(["name"]);
    expect(token.name).toMatch(/^auth_tokens\/[0-9a-f]{48}$/);
    expect(double.received().authTokensMinted).toBe(before + 1);
  });

  it("refuses to mint with a bad key or an expiry 20 hours away", async () => {
    await expect(
      client("AIzaSyNotARealKeyAtAll-000000000000000", double.url).authTokens.create({ config: { uses: 1 } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      client(TEST_GEMINI_KEY, double.url).authTokens.create({
        config: { expireTime: new Date(Date.now() + 21 * 3600_000).toISOString() },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("serves the control endpoints", async () => {
    const health = await fetch(`${double.url}/__double/health`).then((res) => res.json());
    expect(health).toEqual({ ok: true, double: "gemini-live" });
    const bad = await fetch(`${double.url}/__double/script`, { method: "POST", body: JSON.stringify({ nope: 1 }) });
    expect(bad.status).toBe(400);
    const received = await fetch(`${double.url}/__double/received`).then((res) => res.json());
    expect(received.rest.some((call: { path: string; status: number }) => call.path === "/v1alpha/auth_tokens" && call.status === 200)).toBe(true);
    await fetch(`${double.url}/__double/reset`, { method: "POST" });
    expect(double.received().rest).toEqual([]);
  });
});
