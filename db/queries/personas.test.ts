import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { PERSONA_GALLERY } from "@/lib/personas/gallery";
import type { PersonaValues } from "@/lib/personas/schema";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { listSessionHistory, searchTranscripts } from "./history";
import { getInsightsUsage } from "./analytics";
import { getAdminUsage } from "./analytics-admin";
import { createLiveSession, endLiveSession } from "./live-sessions";
import { createPersona, deletePersona, duplicatePersona, getLastPersonaId, getPersona, listPersonas, rememberLastPersona, updatePersona } from "./personas";
import { getReplaySession } from "./replay";
import { appendTurns } from "./transcripts";
import { getVoiceSample, saveVoiceSample } from "./voice-samples";

const tutor: PersonaValues = (({ key: _k, blurb: _b, ...values }) => values)(PERSONA_GALLERY.find((p) => p.key === "spanish-tutor")!);
const session = (personaId: string | null, personaName: string | null) => ({
  model: "m",
  voice: "Aoede",
  personaId,
  personaName,
  cameraEnabled: false,
  micEnabled: true,
  systemInstruction: "x",
});

describeEachDriver("persona queries", ({ db }) => {
  it("creates, lists, reads, edits and duplicates the caller's personas", async () => {
    const { id: userId } = await createTestUser(db());
    const created = await createPersona(db(), { userId, values: tutor });
    expect(created).toMatchObject({ name: "Spanish tutor", voice: "Aoede", language: "es-ES", color: "amber", initials: "ES", usesMemory: true });
    expect(created.instructions).toContain("repeat the sentence correctly");

    const edited = await updatePersona(db(), { userId, personaId: created.id, values: { ...tutor, voice: "Kore", language: "es-US", affectiveDialog: true } });
    expect(edited).toMatchObject({ voice: "Kore", language: "es-US", affectiveDialog: true });
    expect(await getPersona(db(), { userId, personaId: created.id })).toMatchObject({ voice: "Kore", language: "es-US" });

    const copy = await duplicatePersona(db(), { userId, personaId: created.id });
    expect(copy).toMatchObject({ name: "Spanish tutor (copy)", voice: "Kore", language: "es-US", instructions: created.instructions });
    expect(copy.id).not.toBe(created.id);
    expect((await listPersonas(db(), { userId })).map((p) => p.name)).toEqual(["Spanish tutor", "Spanish tutor (copy)"]);
  });

  it("answers not_found for another user's persona id in every function, and leaves it untouched", async () => {
    const owner = await createTestUser(db());
    const other = await createTestUser(db());
    const theirs = await createPersona(db(), { userId: owner.id, values: tutor });
    const as = { userId: other.id, personaId: theirs.id };
    await expect(getPersona(db(), as)).rejects.toMatchObject({ code: "not_found:persona", status: 404 });
    await expect(updatePersona(db(), { ...as, values: { ...tutor, name: "Stolen" } })).rejects.toMatchObject({ status: 404 });
    await expect(duplicatePersona(db(), as)).rejects.toMatchObject({ status: 404 });
    await expect(deletePersona(db(), as)).rejects.toMatchObject({ status: 404 });
    expect(await listPersonas(db(), { userId: other.id })).toEqual([]);
    await expect(listSessionHistory(db(), { userId: other.id, filters: { persona: theirs.id } })).rejects.toMatchObject({ status: 404 });
    await expect(searchTranscripts(db(), { userId: other.id, query: "hola", filters: { persona: theirs.id } })).rejects.toMatchObject({ status: 404 });
    expect(await getPersona(db(), { userId: owner.id, personaId: theirs.id })).toMatchObject({ name: "Spanish tutor" });
  });

  it("keeps conversations after a delete, under the name they had, and filters Sessions by persona", async () => {
    const { id: userId } = await createTestUser(db());
    const persona = await createPersona(db(), { userId, values: tutor });
    const withPersona = await createLiveSession(db(), { userId, values: session(persona.id, persona.name) });
    await appendTurns(db(), { userId, sessionId: withPersona.id, turns: [{ sequenceNumber: 0, sender: "model", text: "Hola, ¿qué tal el día?", startOffsetMs: 0, endOffsetMs: 900, latencyMs: 300, interrupted: false, inputTokens: null, outputTokens: null }] });
    await db().execute(sql`update live_sessions set status = 'ENDED' where id = ${withPersona.id}`);
    const plain = await createLiveSession(db(), { userId, values: session(null, null), now: new Date(Date.now() + 1000) });

    await updatePersona(db(), { userId, personaId: persona.id, values: { ...tutor, name: "Profe" } });
    const named = (await listSessionHistory(db(), { userId })).items;
    expect(named.map((s) => [s.id, s.personaName])).toEqual([
      [plain.id, null],
      [withPersona.id, "Spanish tutor"],
    ]);
    expect((await listSessionHistory(db(), { userId, filters: { persona: persona.id } })).items.map((s) => s.id)).toEqual([withPersona.id]);
    expect((await listSessionHistory(db(), { userId, filters: { persona: "default" } })).items.map((s) => s.id)).toEqual([plain.id]);

    await deletePersona(db(), { userId, personaId: persona.id });
    expect(await listPersonas(db(), { userId })).toEqual([]);
    const after = (await listSessionHistory(db(), { userId })).items.find((s) => s.id === withPersona.id);
    expect(after?.personaName).toBe("Spanish tutor");
    expect((await getReplaySession(db(), { userId, sessionId: withPersona.id })).personaName).toBe("Spanish tutor");
    expect((await searchTranscripts(db(), { userId, query: "hola" })).items[0]).toMatchObject({ sessionId: withPersona.id, personaName: "Spanish tutor" });
    // Not the default companion's either: it was a persona's.
    expect((await listSessionHistory(db(), { userId, filters: { persona: "default" } })).items.map((s) => s.id)).toEqual([plain.id]);
  });

  it("Insights keep the name a conversation had; an admin sees only that a custom persona was used", async () => {
    const { id: userId } = await createTestUser(db());
    const actorId = (await createTestUser(db(), { role: "admin" })).id;
    const persona = await createPersona(db(), { userId, values: tutor });
    const started = new Date("2031-05-05T10:00:00Z");
    const talk = await createLiveSession(db(), { userId, values: session(persona.id, persona.name), now: started });
    await endLiveSession(db(), { userId, sessionId: talk.id, status: "ENDED", now: new Date(started.getTime() + 60_000) });
    await deletePersona(db(), { userId, personaId: persona.id });
    const range = { from: "2031-05-05", to: "2031-05-05", timeZone: "UTC" };
    expect((await getInsightsUsage(db(), { userId, ...range })).personas.map((p) => p.label)).toEqual(["Spanish tutor"]);
    const adminUsage = await getAdminUsage(db(), { actorId, userId, ...range });
    expect(adminUsage.personas.map((p) => p.label)).toEqual(["Custom persona"]);
    const adminView = JSON.stringify(adminUsage);
    expect(adminView).not.toContain("Spanish tutor");
    expect(adminView).not.toContain("Profe");
  });

  it("remembers the persona last started with, and forgets it when it is deleted", async () => {
    const { id: userId } = await createTestUser(db());
    expect(await getLastPersonaId(db(), { userId })).toBeNull();
    const persona = await createPersona(db(), { userId, values: tutor });
    await rememberLastPersona(db(), { userId, personaId: persona.id });
    expect(await getLastPersonaId(db(), { userId })).toBe(persona.id);
    await rememberLastPersona(db(), { userId, personaId: null });
    expect(await getLastPersonaId(db(), { userId })).toBeNull();
    await rememberLastPersona(db(), { userId, personaId: persona.id });
    await deletePersona(db(), { userId, personaId: persona.id });
    expect(await getLastPersonaId(db(), { userId })).toBeNull();
  });

  it("refuses a persona beyond the per-user limit with a conflict", async () => {
    const { id: userId } = await createTestUser(db());
    await db().execute(sql`insert into personas (user_id, name) select ${userId}, 'P' || g from generate_series(1, 100) g`);
    await expect(createPersona(db(), { userId, values: tutor })).rejects.toMatchObject({ code: "conflict:persona", status: 409 });
  });

  it("stores one voice sample per voice and language: a second save keeps the first", async () => {
    const first = { voice: "Puck", language: "en-US", sampleRate: 24_000, pcm: new Uint8Array([1, 2, 3, 4]) };
    expect(await getVoiceSample(db(), first)).toBeNull();
    expect(await saveVoiceSample(db(), first)).toMatchObject({ sampleRate: 24_000, pcm: new Uint8Array([1, 2, 3, 4]) });
    const again = await saveVoiceSample(db(), { ...first, pcm: new Uint8Array([9, 9]) });
    expect(Array.from(again.pcm)).toEqual([1, 2, 3, 4]);
    expect(await getVoiceSample(db(), { voice: "Puck", language: "es-ES" })).toBeNull();
  });
});
