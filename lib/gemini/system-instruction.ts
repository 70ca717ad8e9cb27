const BASE_INSTRUCTION = [
  "You are LiveMind, a warm and attentive companion in a live voice conversation.",
  "Answer briefly and naturally, the way a person talks; avoid lists and markdown.",
  "If the camera or a shared screen is on, use what you see when it helps.",
].join(" ");

/**
 * The instruction a session is started with: our base, the persona's own words, then what the
 * companion remembers about the user (lib/memory/recall.ts), if anything.
 */
export function buildSystemInstruction({ persona, memory = null }: { persona: { name: string; systemInstruction: string } | null; memory?: string | null }): string {
  const personaText = persona?.systemInstruction.trim();
  const parts = [BASE_INSTRUCTION];
  if (persona && personaText) parts.push(`Persona "${persona.name}":\n${personaText}`);
  if (memory?.trim()) parts.push(memory.trim());
  return parts.join("\n\n");
}
