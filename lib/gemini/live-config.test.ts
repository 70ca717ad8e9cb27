import { describe, expect, it } from "vitest";
import { buildLiveConnectConfig, isNativeAudioModel } from "./live-token";
import { buildSystemInstruction } from "./system-instruction";

const persona = { voice: "Aoede", systemInstruction: "Be kind.", language: "es-ES", affectiveDialog: true, proactiveAudio: true };

describe("the locked Live config", () => {
  it("sends affective dialog and proactive audio to native-audio models only, and the language code only to the others", () => {
    const native = buildLiveConnectConfig({ ...persona, model: "gemini-2.5-flash-native-audio-preview-12-2025" });
    expect(native).toMatchObject({ enableAffectiveDialog: true, proactivity: { proactiveAudio: true } });
    expect(native.speechConfig).toEqual({ voiceConfig: { prebuiltVoiceConfig: { voiceName: "Aoede" } } });

    const cascade = buildLiveConnectConfig({ ...persona, model: "gemini-live-2.5-flash-preview" });
    expect(cascade).not.toHaveProperty("enableAffectiveDialog");
    expect(cascade).not.toHaveProperty("proactivity");
    expect(cascade.speechConfig).toEqual({ voiceConfig: { prebuiltVoiceConfig: { voiceName: "Aoede" } }, languageCode: "es-ES" });

    const off = buildLiveConnectConfig({ ...persona, affectiveDialog: false, proactiveAudio: false, model: "gemini-2.5-flash-native-audio-preview-12-2025" });
    expect(off).not.toHaveProperty("enableAffectiveDialog");
    expect(off).not.toHaveProperty("proactivity");
    expect(isNativeAudioModel("gemini-live-2.5-flash-preview")).toBe(false);
  });

  it("declares search_knowledge only when the persona has documents, next to the memory tools", () => {
    const model = "gemini-2.5-flash-native-audio-preview-12-2025";
    const names = (config: ReturnType<typeof buildLiveConnectConfig>) => config.tools?.flatMap((tool) => (tool as { functionDeclarations?: { name?: string }[] }).functionDeclarations?.map((d) => d.name) ?? []) ?? [];
    expect(names(buildLiveConnectConfig({ ...persona, model, memoryTools: true, knowledgeTool: true }))).toEqual(["recall_memories", "save_memory", "forget_memory", "search_knowledge"]);
    expect(names(buildLiveConnectConfig({ ...persona, model, knowledgeTool: true }))).toEqual(["search_knowledge"]);
    expect(buildLiveConnectConfig({ ...persona, model })).not.toHaveProperty("tools");
  });

  it("composes the persona's name, language, personality and instructions after the base", () => {
    const base = buildSystemInstruction({ persona: null });
    const text = buildSystemInstruction({ persona: { name: " Profe ", systemInstruction: " Correct gently. ", personality: "Warm.", language: "es-ES" } });
    expect(text.startsWith(base)).toBe(true);
    expect(text).toContain('you are "Profe".');
    expect(text).toContain("Speak Spanish (Spain) (es-ES)");
    expect(text).toContain("Personality: Warm.");
    expect(text.endsWith("Instructions:\nCorrect gently.")).toBe(true);
    expect(buildSystemInstruction({ persona: { name: "Plain", systemInstruction: "" } })).not.toContain("Instructions:");
  });
});
