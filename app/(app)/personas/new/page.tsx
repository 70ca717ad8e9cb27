import type { Metadata } from "next";
import { PersonaForm } from "@/components/personas/persona-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { DEFAULT_VOICE } from "@/lib/gemini/voices";
import { isNativeAudioModel } from "@/lib/gemini/live-token";
import { DEFAULT_LANGUAGE } from "@/lib/personas/languages";
import type { PersonaValues } from "@/lib/personas/schema";
import { createPersona } from "../actions";

export const metadata: Metadata = { title: "New persona" };

const BLANK: PersonaValues = {
  name: "",
  initials: "",
  color: "violet",
  voice: DEFAULT_VOICE,
  language: DEFAULT_LANGUAGE,
  personality: "",
  instructions: "",
  usesMemory: true,
  affectiveDialog: false,
  proactiveAudio: false,
};

export default async function NewPersonaPage() {
  await requirePageUser("/personas/new");
  return (
    <>
      <PageHeader title="New persona" description="A name, a voice and a few words on how it should talk." />
      <PersonaForm initial={BLANK} nativeAudioModel={isNativeAudioModel(env.GEMINI_LIVE_MODEL)} save={createPersona} />
    </>
  );
}
