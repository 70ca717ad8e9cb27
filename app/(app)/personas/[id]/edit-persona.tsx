"use client";

import { PersonaForm } from "@/components/personas/persona-form";
import type { PersonaValues } from "@/lib/personas/schema";
import { updatePersona } from "../actions";

/** Binds the form to this persona's id (a server action cannot be partially applied on the server page). */
export function EditPersona({ personaId, initial, nativeAudioModel }: { personaId: string; initial: PersonaValues; nativeAudioModel: boolean }) {
  return <PersonaForm initial={initial} nativeAudioModel={nativeAudioModel} save={(values) => updatePersona({ personaId, values })} />;
}
