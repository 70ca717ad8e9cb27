import { languageOf } from "@/lib/personas/languages";

const BASE_INSTRUCTION = [
  "You are LiveMind, a warm and attentive companion in a live voice conversation.",
  "Answer briefly and naturally, the way a person talks; avoid lists and markdown.",
  "If the camera or a shared screen is on, use what you see when it helps.",
].join(" ");

/** The parts of a persona that shape what the model is told. */
export interface InstructedPersona {
  name: string;
  /** The persona's own instructions. */
  systemInstruction: string;
  personality?: string;
  /** BCP-47 code; native-audio models take the language from the instruction, not a setting. */
  language?: string;
}

/**
 * The instruction a session is started with: our base, then the persona's identity, language,
 * personality and own words, then what the companion remembers about the user
 * (lib/memory/recall.ts), if anything. The one composer: the persona form's preview calls it
 * too, so what the user reads is what is sent.
 */
export function buildSystemInstruction({ persona, memory = null }: { persona: InstructedPersona | null; memory?: string | null }): string {
  const parts = [BASE_INSTRUCTION];
  if (persona) {
    parts.push(`In this conversation you are "${persona.name.trim()}".`);
    if (persona.language) {
      const { label } = languageOf(persona.language);
      parts.push(`Speak ${label} (${persona.language}) unless the user asks you to switch.`);
    }
    const personality = persona.personality?.trim();
    if (personality) parts.push(`Personality: ${personality}`);
    const own = persona.systemInstruction.trim();
    if (own) parts.push(`Instructions:\n${own}`);
  }
  if (memory?.trim()) parts.push(memory.trim());
  return parts.join("\n\n");
}
