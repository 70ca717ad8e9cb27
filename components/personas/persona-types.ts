import type { ActionResult } from "@/lib/actions/safe-action";
import type { Persona, PersonaValues } from "@/lib/personas/schema";

/** The server actions of app/(app)/personas/actions.ts, as the components call them. */
export interface PersonaActions {
  createPersona: (values: PersonaValues) => Promise<ActionResult<Persona>>;
  createPersonaFromGallery: (input: { key: string }) => Promise<ActionResult<Persona>>;
  updatePersona: (input: { personaId: string; values: PersonaValues }) => Promise<ActionResult<Persona>>;
  duplicatePersona: (input: { personaId: string }) => Promise<ActionResult<Persona>>;
  deletePersona: (input: { personaId: string }) => Promise<ActionResult<{ personaId: string }>>;
}
