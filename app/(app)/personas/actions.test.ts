import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { startGeminiDouble, TEST_GEMINI_KEY, type GeminiDouble } from "@/e2e/gemini-double";
import type { PersonaValues } from "@/lib/personas/schema";
import { acting } from "@/db/test/acting-user";

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
});

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));

const { env } = await import("@/lib/env");
const actions = await import("./actions");
const { startLiveSession } = await import("../live/actions");
const { getLastPersonaId } = await import("@/db/queries/personas");
const { getOwnedLiveSession } = await import("@/db/queries/live-sessions");
const sampleRoute = await import("@/app/api/voices/[voice]/sample/route");
const listRoute = await import("@/app/api/sessions/route");
const searchRoute = await import("@/app/api/sessions/search/route");

let double: GeminiDouble;
const saved = { baseUrl: env.GEMINI_API_BASE_URL, serverKey: env.GEMINI_API_KEY };
beforeAll(async () => {
  double = await startGeminiDouble();
  Object.assign(env, { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: TEST_GEMINI_KEY });
});
afterAll(async () => {
  Object.assign(env, { GEMINI_API_BASE_URL: saved.baseUrl, GEMINI_API_KEY: saved.serverKey });
  await double.close();
});

const values: PersonaValues = {
  name: "Profe",
  initials: "",
  color: "amber",
  voice: "Aoede",
  language: "es-ES",
  personality: "Encouraging.",
  instructions: "Correct mistakes gently.",
  usesMemory: true,
  affectiveDialog: true,
  proactiveAudio: true,
};

const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

const sample = (voice: string, query = "") =>
  sampleRoute.GET(new Request(`http://localhost/api/voices/${voice}/sample${query}`), { params: Promise.resolve({ voice }) });
const speechCalls = () => double.received().rest.filter((call) => call.speech);

describeEachDriver("persona actions, voice samples and Live with a persona", ({ db }) => {
  beforeEach(async () => {
    acting.db = db();
    acting.userId = (await createTestUser(db())).id;
  });

  it("create from the gallery, edit, duplicate and delete; bad input is a 400 naming the field", async () => {
    const fromGallery = ok(await actions.createPersonaFromGallery({ key: "interview-coach" }));
    expect(fromGallery).toMatchObject({ name: "Interview coach", voice: "Charon" });
    expect(ok(await actions.updatePersona({ personaId: fromGallery.id, values }))).toMatchObject({ name: "Profe", voice: "Aoede" });
    expect(ok(await actions.duplicatePersona({ personaId: fromGallery.id }))).toMatchObject({ name: "Profe (copy)" });
    expect(ok(await actions.deletePersona({ personaId: fromGallery.id }))).toEqual({ personaId: fromGallery.id });

    for (const [input, field] of [
      [{ ...values, name: "" }, "name"],
      [{ ...values, name: "x".repeat(61) }, "name"],
      [{ ...values, instructions: "a\u0000b" }, "instructions"],
      [{ ...values, voice: "Alexa" }, "voice"],
      [{ ...values, language: "xx-XX" }, "language"],
      [{ ...values, initials: "ABC" }, "initials"],
      [{ ...values, userId: "someone-else" }, "form"],
    ] as const) {
      const result = await actions.createPersona(input as PersonaValues);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    }
    expect(await actions.createPersonaFromGallery({ key: "nope" })).toMatchObject({ ok: false, error: { code: "not_found:persona" } });
    expect(await actions.deletePersona({ personaId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
  });

  it("answer 404 for another user's persona id in every action and at Start", async () => {
    const theirs = ok(await actions.createPersona(values));
    acting.userId = (await createTestUser(db())).id;
    const personaId = theirs.id;
    for (const result of [
      await actions.updatePersona({ personaId, values }),
      await actions.duplicatePersona({ personaId }),
      await actions.deletePersona({ personaId }),
      await startLiveSession({ voice: "Kore", personaId, cameraEnabled: false, micEnabled: true }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: "not_found:persona" } });
    }
    // Narrowing Sessions to it is not found either; a malformed id is a 400, the user's own "default" is fine.
    expect((await listRoute.GET(new Request(`http://localhost/api/sessions?persona=${personaId}`))).status).toBe(404);
    expect((await searchRoute.GET(new Request(`http://localhost/api/sessions/search?q=hi&persona=${personaId}`))).status).toBe(404);
    expect((await listRoute.GET(new Request("http://localhost/api/sessions?persona=nope"))).status).toBe(400);
    expect((await listRoute.GET(new Request("http://localhost/api/sessions?persona=default"))).status).toBe(200);
  });

  it("lock the persona's voice, language, instruction and native-audio options into the token at Start", async () => {
    const persona = ok(await actions.createPersona(values));
    // The browser asks for Kore; the persona's Aoede is what is locked.
    const start = ok(await startLiveSession({ voice: "Kore", personaId: persona.id, cameraEnabled: false, micEnabled: true }));
    expect(env.GEMINI_LIVE_MODEL).toMatch(/native-audio/);
    expect(start.config.speechConfig).toEqual({ voiceConfig: { prebuiltVoiceConfig: { voiceName: "Aoede" } } });
    expect(start.config.systemInstruction).toContain('you are "Profe"');
    expect(start.config.systemInstruction).toContain("Speak Spanish (Spain) (es-ES)");
    expect(start.config.systemInstruction).toContain("Correct mistakes gently.");
    expect(start.config).toMatchObject({ enableAffectiveDialog: true, proactivity: { proactiveAudio: true } });

    const row = await getOwnedLiveSession(db(), { userId: acting.userId!, sessionId: start.sessionId });
    expect(row).toMatchObject({ personaId: persona.id, personaName: "Profe", voice: "Aoede" });
    expect(await getLastPersonaId(db(), { userId: acting.userId! })).toBe(persona.id);
  });

  it("serve a voice sample made once by the speech model, then from the database", async () => {
    const before = speechCalls().length;
    const first = await sample("Sadachbia", "?language=es-ES");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("audio/wav");
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("RIFF");
    expect(new DataView(bytes.buffer).getUint32(24, true)).toBe(24_000);
    expect(bytes.byteLength).toBe(44 + 1.2 * 24_000 * 2);
    const calls = speechCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.speech).toMatchObject({ voice: "Sadachbia", text: expect.stringContaining("Hola") });

    const again = await sample("Sadachbia", "?language=es-ES");
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
    expect(speechCalls().length).toBe(before + 1);

    expect((await sample("Alexa")).status).toBe(400);
    expect((await sample("Puck", "?language=xx")).status).toBe(400);
    acting.userId = null;
    expect((await sample("Puck")).status).toBe(401);
  });
});
