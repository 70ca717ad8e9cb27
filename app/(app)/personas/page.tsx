import type { Metadata } from "next";
import { getDb } from "@/db";
import { listPersonas } from "@/db/queries/personas";
import { PersonasView } from "@/components/personas/personas-view";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { createPersonaFromGallery, deletePersona, duplicatePersona } from "./actions";

export const metadata: Metadata = { title: "Personas" };

export default async function PersonasPage() {
  const user = await requirePageUser("/personas");
  const personas = await listPersonas(await getDb(), { userId: user.id });
  return (
    <>
      <PageHeader title="Personas" description="Companions with their own name, voice, language and way of talking. Pick one on the Live page." />
      <PersonasView initial={personas} actions={{ createPersonaFromGallery, duplicatePersona, deletePersona }} />
    </>
  );
}
