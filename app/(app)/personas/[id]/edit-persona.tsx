"use client";

import { useState } from "react";
import { PersonaForm } from "@/components/personas/persona-form";
import { PersonaPictureControl } from "@/components/personas/persona-picture-control";
import type { PersonaValues } from "@/lib/personas/schema";
import { updatePersona } from "../actions";

/** Binds the form to this persona's id (a server action cannot be partially applied on the server page). */
export function EditPersona({ personaId, initial, pictureVersion, nativeAudioModel }: { personaId: string; initial: PersonaValues; pictureVersion: number | null; nativeAudioModel: boolean }) {
  const [version, setVersion] = useState(pictureVersion);
  return (
    <PersonaForm
      initial={initial}
      nativeAudioModel={nativeAudioModel}
      save={(values) => updatePersona({ personaId, values })}
      picture={{ personaId, version }}
      pictureControl={<PersonaPictureControl personaId={personaId} version={version} onChange={setVersion} />}
    />
  );
}
