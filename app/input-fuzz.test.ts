import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { createDocument } from "@/db/queries/knowledge";
import { createLiveSession } from "@/db/queries/live-sessions";
import { createPersona } from "@/db/queries/personas";
import { updatePreferences } from "@/db/queries/preferences";
import { createWebhookEndpoint } from "@/db/queries/webhooks";
import { apiKeys, audioChunks, memories, session, videoFrames } from "@/db/schema";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { digestData, hostileQuery, hostileString, mutated } from "@/db/test/fuzz";
import { storeConversation } from "@/db/test/history-fixtures";
import { startGeminiDouble, type GeminiDouble } from "@/e2e/gemini-double";
import { API_SCOPES } from "@/lib/api-keys/key";
import { acting } from "@/db/test/acting-user";

/*
 * Property: whatever arrives at a route handler or server action, the answer is never a 5xx
 * (nor a thrown error), a 4xx says what was wrong, a refused request changes no row, and no
 * request changes a row of another user. The attacker acts on the victim's ids, random ids and
 * hostile values; every target below is one of app/**\/route.ts or app/**\/actions.ts.
 */

vi.hoisted(() => {
  process.env.CREDENTIALS_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
});

vi.mock("@/lib/auth/session", () => import("@/db/test/acting-user").then((m) => m.sessionModule()));
vi.mock("@/db", async (original) => (await import("@/db/test/acting-user")).databaseModule(await original()));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const { env } = await import("@/lib/env");
const routes = {
  activeSessions: await import("./api/admin/analytics/active-sessions/route"),
  adminCsv: await import("./api/admin/analytics/csv/route"),
  cron: await import("./api/cron/purge-media/route"),
  cronJobs: await import("./api/cron/jobs/route"),
  health: await import("./api/health/route"),
  insightsCsv: await import("./api/insights/csv/route"),
  uploadAudio: await import("./api/live/sessions/[id]/media/audio/route"),
  uploadFrame: await import("./api/live/sessions/[id]/media/frames/route"),
  liveSession: await import("./api/live/sessions/[id]/route"),
  turns: await import("./api/live/sessions/[id]/turns/route"),
  tools: await import("./api/live/sessions/[id]/tools/route"),
  personaPicture: await import("./api/personas/[id]/picture/route"),
  passage: await import("./api/knowledge/passages/[chunkId]/route"),
  exportOne: await import("./api/sessions/[id]/export/route"),
  audio: await import("./api/sessions/[id]/media/audio/route"),
  frame: await import("./api/sessions/[id]/media/frames/[frameId]/route"),
  exportAll: await import("./api/sessions/export/route"),
  list: await import("./api/sessions/route"),
  search: await import("./api/sessions/search/route"),
  voiceSample: await import("./api/voices/[voice]/sample/route"),
  v1Sessions: await import("./api/v1/sessions/route"),
  v1Session: await import("./api/v1/sessions/[id]/route"),
  v1Export: await import("./api/v1/sessions/[id]/export/route"),
  v1Search: await import("./api/v1/search/route"),
  v1Insights: await import("./api/v1/insights/route"),
  v1Memories: await import("./api/v1/memories/route"),
  v1Memory: await import("./api/v1/memories/[id]/route"),
  documents: await import("./api/personas/[id]/documents/route"),
  document: await import("./api/personas/[id]/documents/[documentId]/route"),
  cronBackfill: await import("./api/cron/backfill-analytics/route"),
  openApi: await import("./api/v1/openapi.json/route"),
  docs: await import("./docs/api/route"),
};
const actions = {
  admin: await import("./(admin)/admin/users/actions"),
  alerts: await import("./(admin)/admin/alerts/actions"),
  live: await import("./(app)/live/actions"),
  personas: await import("./(app)/personas/actions"),
  memory: await import("./(app)/memory/actions"),
  sessions: await import("./(app)/sessions/actions"),
  settings: await import("./(app)/settings/actions"),
  apiKeys: await import("./(app)/settings/api-keys/actions"),
  webhooks: await import("./(app)/settings/webhooks/actions"),
  account: await import("./(app)/settings/account-actions"),
};

interface Outcome {
  status: number;
  message?: string;
}

const STATUS_BY_TYPE: Record<string, number> = { bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, unsupported: 415, rate_limit: 429 };

async function fromResponse(response: Response): Promise<Outcome> {
  if (response.status < 400) {
    await response.body?.cancel();
    return { status: response.status };
  }
  const text = await response.text();
  const message = text ? ((JSON.parse(text) as { message?: string }).message ?? "") : "(no body)";
  return { status: response.status, message };
}

function fromAction(result: { ok: true } | { ok: false; error: { code: string; message: string } }): Outcome {
  if (result.ok) return { status: 200 };
  return { status: STATUS_BY_TYPE[result.error.code.split(":")[0]!] ?? 500, message: result.error.message };
}

interface World {
  victim: { id: string; sessionId: string; frameId: string; personaId: string; apiKeyId: string; revokedApiKey: string; authSessionId: string; memoryId: string; documentId: string; webhookId: string };
  attacker: { id: string; sessionId: string; personaId: string; apiKey: string };
  admin: { id: string };
}

type Call = () => Promise<Outcome>;
/** `byApiKey`: the caller is whoever owns the Bearer key (the attacker's, or none), not the session. */
type Target = { name: string; arbitrary: (world: World) => fc.Arbitrary<Call>; byApiKey?: true };

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
const id = (world: World) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(world.attacker.sessionId) }, { weight: 1, arbitrary: fc.constant(world.victim.sessionId) }, { weight: 1, arbitrary: hostileString });
const get = (path: string, query: URLSearchParams, headers: Record<string, string> = {}) => new Request(`http://localhost${path}?${query}`, { headers });
const rangeKeys = ["chart", "range", "from", "to", "tz", "userId"];
const historyKeys = ["q", "status", "from", "to", "persona", "tz", "cursor"];
const turn = { sequenceNumber: 0, sender: "model", text: "fuzzed", startOffsetMs: 0, endOffsetMs: 900, latencyMs: 300, interrupted: false, inputTokens: 10, outputTokens: 20 };

const TARGETS: Target[] = [
  { name: "GET active-sessions", arbitrary: () => fc.constant(async () => fromResponse(await routes.activeSessions.GET())) },
  { name: "GET admin csv", arbitrary: (w) => hostileQuery(rangeKeys, { chart: "activity", userId: w.victim.id }).map((q) => async () => fromResponse(await routes.adminCsv.GET(get("/api/admin/analytics/csv", q)))) },
  { name: "GET insights csv", arbitrary: () => hostileQuery(rangeKeys, { chart: "activity" }).map((q) => async () => fromResponse(await routes.insightsCsv.GET(get("/api/insights/csv", q)))) },
  {
    name: "GET/POST cron purge",
    arbitrary: () => fc.tuple(hostileString, fc.boolean()).map(([auth, post]) => async () => {
      const request = new Request("http://localhost/api/cron/purge-media", { method: post ? "POST" : "GET", headers: { authorization: `Bearer ${auth.replace(/[^\x20-\x7e]/g, "")}` } });
      return fromResponse(await (post ? routes.cron.POST : routes.cron.GET)(request));
    }),
  },
  {
    name: "GET/POST cron jobs",
    arbitrary: () => fc.tuple(hostileString, fc.boolean()).map(([auth, post]) => async () => {
      const request = new Request("http://localhost/api/cron/jobs", { method: post ? "POST" : "GET", headers: { authorization: `Bearer ${auth.replace(/[^\x20-\x7e]/g, "")}` } });
      return fromResponse(await (post ? routes.cronJobs.POST : routes.cronJobs.GET)(request));
    }),
  },
  {
    name: "GET/POST cron backfill",
    arbitrary: () => fc.tuple(hostileString, fc.boolean()).map(([auth, post]) => async () => {
      const request = new Request("http://localhost/api/cron/backfill-analytics", { method: post ? "POST" : "GET", headers: { authorization: `Bearer ${auth.replace(/[^\x20-\x7e]/g, "")}` } });
      return fromResponse(await (post ? routes.cronBackfill.POST : routes.cronBackfill.GET)(request));
    }),
  },
  ...knowledgeTargets(),
  {
    name: "POST memory tool",
    arbitrary: (w) =>
      fc.tuple(id(w), fc.oneof(
          { weight: 3, arbitrary: mutated({ name: "recall_memories", args: { query: "fuzzed words" } }).map((body) => JSON.stringify(body) ?? "") },
          { weight: 2, arbitrary: mutated({ name: "save_memory", args: { content: "The user likes fuzz" } }).map((body) => JSON.stringify(body) ?? "") },
          { weight: 2, arbitrary: mutated({ name: "forget_memory", args: { query: "fuzz" } }).map((body) => JSON.stringify(body) ?? "") },
          { weight: 1, arbitrary: hostileString },
        )).map(([sessionId, body]) => async () => {
        const request = new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": "application/json" } });
        return fromResponse(await routes.tools.POST(request, params({ id: sessionId })));
      }),
  },
  {
    name: "GET/PUT/DELETE persona picture",
    arbitrary: (w) =>
      fc
        .tuple(
          fc.oneof(fc.constant(w.attacker.personaId), fc.constant(w.victim.personaId), hostileString),
          fc.constantFrom("GET", "PUT", "DELETE"),
          fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }).map((bytes) => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...bytes))),
        )
        .map(([personaId, method, bytes]) => async () => {
          const request = new Request("http://localhost/x", { method, ...(method === "PUT" ? { body: bytes, headers: { "content-type": "image/png" } } : {}) });
          const handler = method === "GET" ? routes.personaPicture.GET : method === "PUT" ? routes.personaPicture.PUT : routes.personaPicture.DELETE;
          return fromResponse(await handler(request, params({ id: personaId })));
        }),
  },
  { name: "GET knowledge passage", arbitrary: (w) => id(w).map((chunkId) => async () => fromResponse(await routes.passage.GET(get("/x", new URLSearchParams()), params({ chunkId })))) },
  { name: "GET health", arbitrary: () => fc.constant(async () => fromResponse(await routes.health.GET())) },
  {
    name: "POST audio segment",
    arbitrary: (w) =>
      fc.tuple(id(w), fc.constantFrom("audio/webm", "audio/ogg;codecs=opus", "text/plain", ""), hostileQuery(["x-sequence-number", "x-start-offset-ms", "x-duration-ms"]), fc.uint8Array({ maxLength: 64 })).map(
        ([sessionId, type, headers, bytes]) => async () => {
          const request = new Request("http://localhost/x", { method: "POST", body: bytes, headers: headerRecord({ "content-type": type, ...Object.fromEntries(headers) }) });
          return fromResponse(await routes.uploadAudio.POST(request, params({ id: sessionId })));
        },
      ),
  },
  {
    name: "POST frame",
    arbitrary: (w) =>
      fc.tuple(id(w), hostileQuery(["x-offset-ms", "x-frame-width", "x-frame-height"]), fc.uint8Array({ maxLength: 64 })).map(([sessionId, headers, bytes]) => async () => {
        const request = new Request("http://localhost/x", { method: "POST", body: Uint8Array.of(0xff, 0xd8, 0xff, ...bytes), headers: headerRecord({ "content-type": "image/jpeg", ...Object.fromEntries(headers) }) });
        return fromResponse(await routes.uploadFrame.POST(request, params({ id: sessionId })));
      }),
  },
  { name: "GET live session", arbitrary: (w) => id(w).map((sessionId) => async () => fromResponse(await routes.liveSession.GET(get("/x", new URLSearchParams()), params({ id: sessionId })))) },
  {
    name: "POST turns",
    arbitrary: (w) =>
      fc.tuple(id(w), fc.oneof(
          { weight: 4, arbitrary: mutated(turn).map((t) => JSON.stringify({ turns: [t] })) },
          { weight: 1, arbitrary: mutated({ turns: [turn] }).map((body) => JSON.stringify(body) ?? "") },
          { weight: 1, arbitrary: hostileString },
        )).map(([sessionId, body]) => async () => {
        const request = new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": "text/plain" } });
        return fromResponse(await routes.turns.POST(request, params({ id: sessionId })));
      }),
  },
  { name: "GET export one", arbitrary: (w) => fc.tuple(id(w), hostileQuery(["format", "tz"])).map(([sessionId, q]) => async () => fromResponse(await routes.exportOne.GET(get("/x", q), params({ id: sessionId })))) },
  {
    name: "GET/HEAD recording",
    arbitrary: (w) =>
      fc.tuple(id(w), fc.oneof(hostileString, fc.constantFrom("bytes=0-", "bytes=5-2", "bytes=-99999999999999999999", "bytes=0-1,2-3")), fc.boolean()).map(([sessionId, range, head]) => async () => {
        const request = new Request("http://localhost/x", { method: head ? "HEAD" : "GET", headers: headerRecord({ range }) });
        return fromResponse(await (head ? routes.audio.HEAD : routes.audio.GET)(request, params({ id: sessionId })));
      }),
  },
  { name: "GET frame", arbitrary: (w) => fc.tuple(id(w), fc.oneof(fc.constant(w.victim.frameId), hostileString)).map(([sessionId, frameId]) => async () => fromResponse(await routes.frame.GET(get("/x", new URLSearchParams()), params({ id: sessionId, frameId })))) },
  { name: "GET export all", arbitrary: () => fc.constant(async () => fromResponse(await routes.exportAll.GET())) },
  { name: "GET sessions", arbitrary: () => hostileQuery(historyKeys).map((q) => async () => fromResponse(await routes.list.GET(get("/api/sessions", q)))) },
  { name: "GET search", arbitrary: () => hostileQuery(historyKeys, { q: "fuzzed" }).map((q) => async () => fromResponse(await routes.search.GET(get("/api/sessions/search", q)))) },
  {
    name: "GET voice sample",
    arbitrary: () =>
      fc.tuple(fc.oneof(fc.constantFrom("Puck", "Sulafat"), hostileString), hostileQuery(["language"], { language: "en-US" })).map(([voice, q]) => async () =>
        fromResponse(await routes.voiceSample.GET(get("/x", q), params({ voice })))),
  },
  ...v1Targets(),
  { name: "GET openapi.json", arbitrary: () => fc.constant(async () => fromResponse(routes.openApi.GET())) },
  {
    name: "GET API reference",
    arbitrary: () => hostileString.map((csp) => async () => fromResponse(await routes.docs.GET(new Request("http://localhost/docs/api", { headers: headerRecord({ "content-security-policy": csp }) })))),
  },
  ...actionTargets(),
];

/** /api/v1: the attacker's own key (all scopes) mostly, else the victim's revoked one, or any header at all. */
function v1Targets(): Target[] {
  const bearer = (w: World) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(`Bearer ${w.attacker.apiKey}`) },
      { weight: 1, arbitrary: fc.constant(`Bearer ${w.victim.revokedApiKey}`) },
      { weight: 1, arbitrary: hostileString.map((value) => `Bearer ${value}`) },
      { weight: 1, arbitrary: hostileString },
    );
  const v1 = (name: string, handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>, keys: string[], base: Record<string, string>, withId: boolean): Target => ({
    name,
    arbitrary: (w) =>
      fc.tuple(bearer(w), hostileQuery(keys, base), withId ? id(w) : fc.constant("")).map(([authorization, query, sessionId]) => async () =>
        fromResponse(await handler(get("/api/v1/x", query, headerRecord({ authorization })), params(withId ? { id: sessionId } : {})))),
  });
  return [
    v1("GET /api/v1/sessions", routes.v1Sessions.GET, ["status", "from", "to", "tz", "cursor", "limit"], {}, false),
    v1("GET /api/v1/sessions/{id}", routes.v1Session.GET, ["x"], {}, true),
    v1("GET /api/v1/sessions/{id}/export", routes.v1Export.GET, ["format", "tz"], {}, true),
    v1("GET /api/v1/search", routes.v1Search.GET, ["q", "status", "from", "to", "tz", "cursor", "limit"], { q: "fuzzed" }, false),
    v1("GET /api/v1/insights", routes.v1Insights.GET, ["range", "from", "to", "tz"], { range: "30d" }, false),
    v1("GET /api/v1/memories", routes.v1Memories.GET, ["q", "limit"], {}, false),
    {
      name: "POST /api/v1/memories",
      byApiKey: true,
      arbitrary: (w) =>
        fc.tuple(bearer(w), fc.oneof(
          { weight: 4, arbitrary: mutated({ content: "The user likes fuzz", kind: "fact", importance: 0.5 }).map((body) => JSON.stringify(body) ?? "") },
          { weight: 1, arbitrary: hostileString },
        )).map(([authorization, body]) => async () =>
          fromResponse(await routes.v1Memories.POST(new Request("http://localhost/api/v1/memories", { method: "POST", body, headers: headerRecord({ authorization, "content-type": "application/json" }) }), params({})))),
    },
    {
      name: "DELETE /api/v1/memories/{id}",
      byApiKey: true,
      arbitrary: (w) =>
        fc.tuple(bearer(w), fc.oneof(fc.constant(w.victim.memoryId), hostileString)).map(([authorization, memoryId]) => async () =>
          fromResponse(await routes.v1Memory.DELETE(new Request("http://localhost/api/v1/memories/x", { method: "DELETE", headers: headerRecord({ authorization }) }), params({ id: memoryId })))),
    },
  ];
}

/** A persona's documents: the attacker's persona mostly, the victim's, or anything; any bytes under any name. */
function knowledgeTargets(): Target[] {
  const persona = (w: World) =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(w.attacker.personaId) }, { weight: 1, arbitrary: fc.constant(w.victim.personaId) }, { weight: 1, arbitrary: hostileString });
  const file = fc.tuple(
    fc.oneof(fc.constantFrom("notes.md", "menu.pdf", "a.txt", "evil.exe", ".md", "x".repeat(300) + ".txt"), hostileString),
    fc.oneof(
      { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((text) => new TextEncoder().encode(text)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d, ...bytes)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    ),
  );
  return [
    {
      name: "POST a persona document",
      arbitrary: (w) =>
        fc.tuple(persona(w), file, fc.boolean()).map(([personaId, [name, bytes], asForm]) => async () => {
          const form = new FormData();
          form.set(asForm ? "file" : "document", new File([bytes], name.replace(/\u0000/g, "")));
          const request = new Request("http://localhost/x", { method: "POST", body: asForm ? form : bytes });
          return fromResponse(await routes.documents.POST(request, params({ id: personaId })));
        }),
    },
    { name: "GET a persona's documents", arbitrary: (w) => persona(w).map((personaId) => async () => fromResponse(await routes.documents.GET(get("/x", new URLSearchParams()), params({ id: personaId })))) },
    {
      name: "DELETE a persona document",
      arbitrary: (w) =>
        fc.tuple(persona(w), fc.oneof(fc.constant(w.victim.documentId), hostileString)).map(([personaId, documentId]) => async () =>
          fromResponse(await routes.document.DELETE(new Request("http://localhost/x", { method: "DELETE" }), params({ id: personaId, documentId })))),
    },
  ];
}

function actionTargets(): Target[] {
  const call = (name: string, action: (input: never) => Promise<Parameters<typeof fromAction>[0]>, template: (w: World, sessionId: string) => Record<string, unknown>): Target => ({
    name,
    arbitrary: (w) =>
      fc
        .constantFrom(w.attacker.sessionId, w.victim.sessionId)
        .chain((sessionId) => mutated(template(w, sessionId)))
        .map((input) => async () => fromAction(await action(input as never))),
  });
  // An account that does not exist: a ban that got through would be the admin's right, not a fault.
  const noSuchUser = () => ({ userId: "00000000-0000-4000-8000-00000000dead" });
  const ownOrVictimSession = (_w: World, sessionId: string) => ({ sessionId });
  const persona = { name: "Fuzz", initials: "", color: "teal", voice: "Puck", language: "en-US", personality: "", instructions: "Be brief.", usesMemory: true, affectiveDialog: false, proactiveAudio: false };
  const personaCall = (name: string, action: (input: never) => Promise<Parameters<typeof fromAction>[0]>, template: (personaId: string) => Record<string, unknown>): Target => ({
    name,
    arbitrary: (w) =>
      fc
        .constantFrom(w.attacker.personaId, w.victim.personaId)
        .chain((personaId) => mutated(template(personaId)))
        .map((input) => async () => fromAction(await action(input as never))),
  });
  return [
    call("createPersona", actions.personas.createPersona, () => persona),
    call("createPersonaFromGallery", actions.personas.createPersonaFromGallery, () => ({ key: "study-buddy" })),
    personaCall("updatePersona", actions.personas.updatePersona, (personaId) => ({ personaId, values: persona })),
    personaCall("duplicatePersona", actions.personas.duplicatePersona, (personaId) => ({ personaId })),
    personaCall("deletePersona", actions.personas.deletePersona, (personaId) => ({ personaId })),
    personaCall("startLiveSession with a persona", actions.live.startLiveSession, (personaId) => ({ voice: "Kore", personaId, cameraEnabled: false, micEnabled: true })),
    call("banUser", actions.admin.banUser, () => ({ ...noSuchUser(), reason: "Spam, repeatedly", expiresInDays: 1 })),
    call("unbanUser", actions.admin.unbanUser, noSuchUser),
    call("revokeUserSessions", actions.admin.revokeUserSessions, noSuchUser),
    call("setUserQuota", actions.admin.setUserQuota, () => ({ ...noSuchUser(), concurrentSessionsLimit: 2, monthlyMinutesLimit: 60 })),
    call("startLiveSession", actions.live.startLiveSession, () => ({ voice: "Kore", personaId: null, cameraEnabled: false, micEnabled: true })),
    call("renewLiveToken", actions.live.renewLiveToken, ownOrVictimSession),
    call("markLiveSessionActive", actions.live.markLiveSessionActive, ownOrVictimSession),
    call("endLiveSession", actions.live.endLiveSession, (w, sessionId) => ({ sessionId, status: "ERROR", errorMessage: "fuzz", stats: { audioSeconds: 1, videoFrameCount: 0, errorCount: 0, resumptions: 0 } })),
    call("editMemory", actions.memory.editMemory, (w) => ({ memoryId: w.victim.memoryId, content: "Edited", pinned: true, importance: 0.5 })),
    call("removeMemory", actions.memory.removeMemory, (w) => ({ memoryId: w.victim.memoryId })),
    call("forgetAllMemories", actions.memory.forgetAllMemories, () => ({ confirm: "forget everything" })),
    call("saveMemoryPreference", actions.memory.saveMemoryPreference, () => ({ memoryEnabled: false })),
    call("renameSession", actions.sessions.renameSession, (w, sessionId) => ({ sessionId, title: "Renamed" })),
    call("deleteSessions", actions.sessions.deleteSessions, (w) => ({ sessionIds: [w.victim.sessionId] })),
    call("savePreferences", actions.settings.savePreferences, () => ({ defaultVoice: "Kore", cameraEnabled: false, micEnabled: true })),
    call("saveRecordingPreferences", actions.settings.saveRecordingPreferences, () => ({ saveAudio: true, saveVideoFrames: true, mediaRetentionDays: 30 })),
    call("saveGeminiApiKey", actions.settings.saveGeminiApiKey, () => ({ apiKey: "AIzaSyFuzzFuzzFuzzFuzzFuzzFuzz000" })),
    call("deleteGeminiApiKey", actions.settings.deleteGeminiApiKey, () => ({})),
    call("createApiKeyAction", actions.apiKeys.createApiKeyAction, () => ({ name: "Fuzzed key", scopes: ["sessions:read"], expiresInDays: 30 })),
    call("revokeApiKeyAction", actions.apiKeys.revokeApiKeyAction, (w) => ({ keyId: w.victim.apiKeyId })),
    call("revokeUserApiKeys", actions.admin.revokeUserApiKeys, noSuchUser),
    call("createWebhookAction", actions.webhooks.createWebhookAction, () => ({ url: "https://hooks.example.com/livemind", events: ["session.ended", "alert.fired"], includeTranscript: false })),
    call("deleteWebhookAction", actions.webhooks.deleteWebhookAction, (w) => ({ endpointId: w.victim.webhookId })),
    call("resendWebhookDeliveryAction", actions.webhooks.resendWebhookDeliveryAction, (w) => ({ deliveryId: w.victim.webhookId })),
    call("saveAlertRule", actions.alerts.saveAlertRule, () => ({ ruleId: "00000000-0000-4000-8000-00000000dead", name: "Fuzz", metric: "error_rate", threshold: 1, windowMinutes: 60, minSamples: 1, enabled: true })),
    call("revokeDevice", actions.account.revokeDevice, (w) => ({ sessionId: w.victim.authSessionId })),
    call("revokeOtherDevices", actions.account.revokeOtherDevices, () => ({})),
    call("refreshDevices", actions.account.refreshDevices, () => ({})),
    // No credential account exists in this world, so no password is right: erasure must refuse cleanly.
    call("deleteAccount", actions.account.deleteAccount, () => ({ password: "not the password" })),
    call("deleteUser", actions.admin.deleteUser, (w) => ({ userId: w.victim.id, confirmEmail: "someone-else@example.com" })),
  ];
}

/** Header values as a client could send them (Latin-1, no CR/LF); empty ones left out. */
function headerRecord(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([name, value]) => {
    const clean = value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "").trim();
    return clean ? [[name, clean]] : [];
  }));
}

// Each target costs two table digests per run; 47 targets × 50 runs keep the suite around a minute or two.
const RUNS_PER_TARGET = 50;

describeEachDriver(
  "every route handler and server action, fuzzed",
  ({ db }) => {
    let world: World;
    let double: GeminiDouble;
    const saved = { baseUrl: env.GEMINI_API_BASE_URL, serverKey: env.GEMINI_API_KEY, cron: env.CRON_SECRET };

    beforeAll(async () => {
      acting.db = db();
      double = await startGeminiDouble();
      Object.assign(env, { GEMINI_API_BASE_URL: double.url, GEMINI_API_KEY: undefined, CRON_SECRET: "fuzz-cron-secret-0123456789" });
      const [victim, attacker, admin] = [await createTestUser(db()), await createTestUser(db()), await createTestUser(db(), { role: "admin" })];
      const spoken = await storeConversation(db(), { userId: victim.id, startedAt: new Date("2030-01-01T10:00:00Z"), lines: ["fuzzed words", "more words"] });
      await db().insert(audioChunks).values({ sessionId: spoken.id, sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, byteSize: 3, data: Uint8Array.of(1, 2, 3) });
      const [frame] = await db().insert(videoFrames).values({ sessionId: spoken.id, offsetMs: 0, byteSize: 3, data: Uint8Array.of(0xff, 0xd8, 0xff) }).returning();
      await updatePreferences(db(), { userId: attacker.id, values: { saveAudio: true, saveVideoFrames: true, mediaRetentionDays: 30 } });
      const values = { model: "m", voice: "Kore", personaId: null, cameraEnabled: false, micEnabled: true, systemInstruction: "" };
      const own = await createLiveSession(db(), { userId: attacker.id, values });
      const personaValues = { name: "P", initials: "", color: "teal", voice: "Puck", language: "en-US", personality: "", instructions: "", usesMemory: true, affectiveDialog: false, proactiveAudio: false } as const;
      const [victimPersona, attackerPersona] = [await createPersona(db(), { userId: victim.id, values: personaValues }), await createPersona(db(), { userId: attacker.id, values: personaValues })];
      const victimKey = await createApiKey(db(), { userId: victim.id, input: { name: "victim's", scopes: ["sessions:read"] } });
      const revokedKey = await createApiKey(db(), { userId: victim.id, input: { name: "victim's old", scopes: [...API_SCOPES] } });
      await revokeApiKey(db(), { userId: victim.id, keyId: revokedKey.apiKey.id });
      const attackerKey = await createApiKey(db(), { userId: attacker.id, input: { name: "attacker's", scopes: [...API_SCOPES] } });
      // The per-minute limit would answer most fuzzed requests 429 before reading their input.
      await db().update(apiKeys).set({ rateLimitPerMinute: 1_000_000 }).where(eq(apiKeys.id, attackerKey.apiKey.id));
      const victimSession = { id: "fuzz-victim-session", token: "fuzz-victim-token", userId: victim.id, expiresAt: new Date("2031-01-01T00:00:00Z") };
      await db().insert(session).values(victimSession);
      // The victim's memory, similar to what the attacker's tools and page act on.
      const [memory] = await db().insert(memories).values({ userId: victim.id, sourceSessionId: spoken.id, content: "The user likes fuzz", embedding: [1, 0, 0] }).returning();
      const { document } = await createDocument(db(), { userId: victim.id, personaId: victimPersona.id, name: "victim.md", mimeType: "text/markdown", bytes: new TextEncoder().encode("# Secret"), sha256: "0".repeat(64) });
      const { endpoint } = await createWebhookEndpoint(db(), { userId: victim.id, url: "https://hooks.example.com/victim", events: ["session.ended"], includeTranscript: false });
      world = {
        victim: { id: victim.id, sessionId: spoken.id, frameId: frame!.id, personaId: victimPersona.id, apiKeyId: victimKey.apiKey.id, revokedApiKey: revokedKey.key, authSessionId: victimSession.id, memoryId: memory!.id, documentId: document.id, webhookId: endpoint.id },
        attacker: { id: attacker.id, sessionId: own.id, personaId: attackerPersona.id, apiKey: attackerKey.key },
        admin: { id: admin.id },
      };
    });
    afterAll(async () => {
      Object.assign(env, { GEMINI_API_BASE_URL: saved.baseUrl, GEMINI_API_KEY: saved.serverKey, CRON_SECRET: saved.cron });
      await double?.close();
    });

    for (const target of TARGETS) {
      it(`${target.name}: never a 5xx, a 4xx says why, nothing of anyone else changes`, async () => {
        const actors = fc.oneof(
          { weight: 6, arbitrary: fc.constant("attacker" as const) },
          { weight: 3, arbitrary: fc.constant("admin" as const) },
          { weight: 1, arbitrary: fc.constant("nobody" as const) },
        );
        await fc.assert(
          fc.asyncProperty(actors, target.arbitrary(world), async (who, run) => {
            Object.assign(acting, { userId: who === "nobody" ? null : world[who].id, role: who === "admin" ? "admin" : "user" });
            const actorId = target.byApiKey ? world.attacker.id : (acting.userId ?? "");
            const before = await digestData(db(), actorId);
            const outcome = await run();
            const after = await digestData(db(), actorId);
            expect(outcome.status, JSON.stringify(outcome)).toBeLessThan(500);
            if (outcome.status >= 400) {
              expect(outcome.message, JSON.stringify(outcome)).toMatch(/\w{3}/);
              expect(after.all).toBe(before.all);
            }
            expect(after.others).toBe(before.others);
          }),
          { numRuns: RUNS_PER_TARGET, endOnFailure: true },
        );
      });
    }
  },
  { drivers: ["pglite"] },
);
