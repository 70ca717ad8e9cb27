import { z } from "zod";
import { VOICE_NAMES, type GeminiVoice } from "@/lib/gemini/voices";
import { storableText } from "@/lib/validation/columns";
import { LANGUAGE_CODES, type PersonaLanguage } from "./languages";
import { COLOR_KEYS, type PersonaColor } from "./palette";

export const PERSONA_LIMITS = { name: 60, initials: 2, personality: 1_000, instructions: 6_000, perUser: 100 } as const;

/** What the persona form may set. Strict: a user id or any other key is refused. */
export const personaValuesInput = z.strictObject({
  name: storableText().trim().min(1, "Give the persona a name.").max(PERSONA_LIMITS.name, `At most ${PERSONA_LIMITS.name} characters.`),
  initials: storableText()
    .trim()
    .refine((value) => [...value].length <= PERSONA_LIMITS.initials, "At most two letters.")
    .default(""),
  color: z.enum(COLOR_KEYS, { error: "Pick one of the listed colours." }),
  voice: z.enum(VOICE_NAMES, { error: "Pick one of the listed voices." }),
  language: z.enum(LANGUAGE_CODES, { error: "Pick one of the listed languages." }),
  personality: storableText().trim().max(PERSONA_LIMITS.personality, `At most ${PERSONA_LIMITS.personality} characters.`),
  instructions: storableText().trim().max(PERSONA_LIMITS.instructions, `At most ${PERSONA_LIMITS.instructions} characters.`),
  usesMemory: z.boolean(),
  affectiveDialog: z.boolean(),
  proactiveAudio: z.boolean(),
});
export type PersonaValues = z.output<typeof personaValuesInput>;

export const personaIdInput = z.strictObject({ personaId: z.uuid("That persona does not exist.") });
export const updatePersonaInput = z.strictObject({ personaId: z.uuid("That persona does not exist."), values: personaValuesInput });

/** A persona as the pages see it. */
export interface Persona {
  id: string;
  name: string;
  initials: string;
  color: PersonaColor;
  voice: GeminiVoice;
  language: PersonaLanguage;
  personality: string;
  instructions: string;
  usesMemory: boolean;
  affectiveDialog: boolean;
  proactiveAudio: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the persona has an uploaded picture: part of its URL (lib/personas/picture.ts). */
  pictureVersion: number | null;
}
