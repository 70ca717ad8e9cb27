"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/actions/safe-action";
import { PERSONA_LANGUAGES, type PersonaLanguage } from "@/lib/personas/languages";
import { COLOR_KEYS, colorClasses } from "@/lib/personas/palette";
import { PERSONA_LIMITS, type Persona, type PersonaValues } from "@/lib/personas/schema";
import { InstructionPreview } from "./instruction-preview";
import { PersonaAvatar } from "./persona-avatar";
import { VoicePicker } from "./voice-picker";

const textarea =
  "w-full rounded-lg border border-border bg-surface px-3 py-2 text-[15px] text-fg placeholder:text-fg-muted/70 focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none";

/** Creates or edits one persona, with a live preview of the instruction that will be sent. */
export function PersonaForm({
  initial,
  save,
  nativeAudioModel,
  picture,
  pictureControl,
}: {
  initial: PersonaValues;
  save: (values: PersonaValues) => Promise<ActionResult<Persona>>;
  nativeAudioModel: boolean;
  /** An existing persona's picture (a new one gets its picture once saved). */
  picture?: { personaId: string; version: number | null };
  pictureControl?: React.ReactNode;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const ids = { personality: useId(), instructions: useId(), language: useId() };
  const set = <K extends keyof PersonaValues>(key: K, value: PersonaValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    const result = await save(values);
    if (result.ok) {
      router.push("/personas");
      router.refresh();
      return;
    }
    setErrors(result.error.fieldErrors ?? {});
    setFormError(result.error.fieldErrors ? "Some fields need a look." : result.error.message);
    setPending(false);
  }

  const fieldError = (key: string) => errors[key]?.[0] ?? (errors[`values.${key}`]?.[0] as string | undefined);

  return (
    <form onSubmit={onSubmit} className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="persona-form">
      <div className="flex min-w-0 flex-col gap-5">
        <Card>
          <CardHeader title="Who it is" />
          <div className="flex flex-col gap-4 px-5 py-5 sm:px-6">
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_7rem]">
              <Field label="Name" value={values.name} maxLength={PERSONA_LIMITS.name} onChange={(e) => set("name", e.target.value)} error={fieldError("name")} data-testid="persona-field-name" required />
              <Field label="Initials" value={values.initials} maxLength={2} placeholder="Auto" onChange={(e) => set("initials", e.target.value)} error={fieldError("initials")} data-testid="persona-field-initials" />
            </div>
            <fieldset>
              <legend className="text-sm font-medium">Colour</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {COLOR_KEYS.map((color) => (
                  <label key={color} className="cursor-pointer rounded-full has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
                    <input type="radio" name="color" value={color} checked={values.color === color} onChange={() => set("color", color)} className="sr-only" aria-label={color} />
                    <span className={cn("block size-8 rounded-full ring-offset-2 ring-offset-surface", colorClasses(color), values.color === color && "ring-2 ring-fg")} />
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={ids.personality} className="text-sm font-medium">
                Personality
              </label>
              <textarea id={ids.personality} rows={3} value={values.personality} maxLength={PERSONA_LIMITS.personality} onChange={(e) => set("personality", e.target.value)} placeholder="Warm, patient, a little playful…" className={textarea} data-testid="persona-field-personality" />
              {fieldError("personality") ? <p className="text-sm text-danger">{fieldError("personality")}</p> : null}
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor={ids.instructions} className="text-sm font-medium">
                Instructions
              </label>
              <textarea id={ids.instructions} rows={6} value={values.instructions} maxLength={PERSONA_LIMITS.instructions} onChange={(e) => set("instructions", e.target.value)} placeholder="What it should do, what to avoid, how to answer." className={textarea} data-testid="persona-field-instructions" />
              {fieldError("instructions") ? <p className="text-sm text-danger">{fieldError("instructions")}</p> : null}
            </div>
          </div>
        </Card>

        <Card>
          <CardHeader title="How it sounds" description="Press play to hear a voice in the persona's language." />
          <div className="flex flex-col gap-4 px-5 py-5 sm:px-6">
            <div className="flex flex-col gap-1.5">
              <label htmlFor={ids.language} className="text-sm font-medium">
                Language
              </label>
              <select
                id={ids.language}
                value={values.language}
                onChange={(e) => set("language", e.target.value as PersonaLanguage)}
                className="h-11 rounded-lg border border-border bg-surface px-3 text-[15px] text-fg focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
                data-testid="persona-field-language"
              >
                {PERSONA_LANGUAGES.map((language) => (
                  <option key={language.code} value={language.code}>
                    {language.label}
                  </option>
                ))}
              </select>
            </div>
            <VoicePicker value={values.voice} language={values.language} onChange={(voice) => set("voice", voice)} />
          </div>
        </Card>

        <Card>
          <CardHeader title="Options" />
          <div className="divide-y divide-border px-5 sm:px-6">
            <Switch label="Uses your memory" description="Lets this persona draw on what earlier conversations taught it about you." checked={values.usesMemory} onCheckedChange={(v) => set("usesMemory", v)} testId="persona-field-memory" />
            <Switch
              label="Affective dialog"
              description={`Adapts its tone to how you sound.${nativeAudioModel ? "" : " Only native-audio models offer it; this deployment's model ignores it."}`}
              checked={values.affectiveDialog}
              onCheckedChange={(v) => set("affectiveDialog", v)}
              testId="persona-field-affective"
            />
            <Switch
              label="Proactive audio"
              description={`May stay quiet when speech is not meant for it.${nativeAudioModel ? "" : " Only native-audio models offer it; this deployment's model ignores it."}`}
              checked={values.proactiveAudio}
              onCheckedChange={(v) => set("proactiveAudio", v)}
              testId="persona-field-proactive"
            />
          </div>
        </Card>
      </div>

      <aside className="flex flex-col gap-4 lg:sticky lg:top-6 lg:self-start">
        <Card className="flex flex-col gap-4 p-5">
          <div className="flex items-center gap-3">
            <PersonaAvatar name={values.name || "?"} initials={values.initials} color={values.color} size="lg" picture={picture} />
            <div className="min-w-0">
              <p className="truncate font-semibold">{values.name || "Unnamed persona"}</p>
              <p className="text-sm text-fg-muted">{values.voice}</p>
            </div>
          </div>
          {pictureControl}
          <div className="flex flex-col gap-1.5">
            <h2 className="text-sm font-medium">What Gemini is told</h2>
            <InstructionPreview values={values} />
          </div>
          {formError ? (
            <p role="alert" className="text-sm text-danger" data-testid="persona-form-error">
              {formError}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Link href="/personas" className={buttonClasses({ variant: "secondary", className: "flex-1" })}>
              <ArrowLeft aria-hidden className="size-4" />
              Back
            </Link>
            <Button type="submit" className="flex-1" pending={pending} data-testid="persona-save">
              Save
            </Button>
          </div>
        </Card>
      </aside>
    </form>
  );
}
