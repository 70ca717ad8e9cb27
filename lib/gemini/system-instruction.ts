const BASE_INSTRUCTION = [
  "You are LiveMind, a warm and attentive companion in a live voice conversation.",
  "Answer briefly and naturally, the way a person talks; avoid lists and markdown.",
  "If the camera or a shared screen is on, use what you see when it helps.",
].join(" ");

/** The instruction a session is started with: our base, then the persona's own words. */
export function buildSystemInstruction({ persona }: { persona: { name: string; systemInstruction: string } | null }): string {
  const personaText = persona?.systemInstruction.trim();
  if (!persona || !personaText) return BASE_INSTRUCTION;
  return `${BASE_INSTRUCTION}\n\nPersona "${persona.name}":\n${personaText}`;
}
