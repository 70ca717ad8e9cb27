import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { listDocuments } from "@/db/queries/knowledge";
import { getPersona } from "@/db/queries/personas";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { isNativeAudioModel } from "@/lib/gemini/live-token";
import { KnowledgeDocuments } from "@/components/knowledge/knowledge-documents";
import { EditPersona } from "./edit-persona";

export const metadata: Metadata = { title: "Edit persona" };

export default async function EditPersonaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/personas/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const persona = await getPersona(await getDb(), { userId: user.id, personaId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found:persona") notFound();
    throw error;
  });
  const documents = await listDocuments(await getDb(), { userId: user.id, personaId: persona.id });
  const { id: _id, createdAt: _c, updatedAt: _u, pictureVersion, ...values } = persona;
  return (
    <>
      <PageHeader title={persona.name} description="Change how it looks, sounds and talks. The next conversation with it uses the new settings." />
      <EditPersona personaId={persona.id} initial={values} pictureVersion={pictureVersion} nativeAudioModel={isNativeAudioModel(env.GEMINI_LIVE_MODEL)} />
      <KnowledgeDocuments personaId={persona.id} initial={documents} />
    </>
  );
}
