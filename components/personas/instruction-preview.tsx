import { buildSystemInstruction } from "@/lib/gemini/system-instruction";
import type { PersonaValues } from "@/lib/personas/schema";

/** What Gemini will be told, composed by the same function the server uses at Start. */
export function InstructionPreview({ values }: { values: PersonaValues }) {
  const text = buildSystemInstruction({
    persona: { name: values.name || "Unnamed persona", personality: values.personality, systemInstruction: values.instructions, language: values.language },
  });
  return (
    <pre className="max-h-96 overflow-auto rounded-lg bg-surface-muted px-3 py-2.5 font-sans text-[13px] leading-relaxed whitespace-pre-wrap text-fg [overflow-wrap:anywhere]" data-testid="persona-preview">
      {text}
    </pre>
  );
}
