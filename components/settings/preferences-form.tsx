"use client";

import { Check } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/actions/safe-action";
import { GEMINI_VOICES } from "@/lib/gemini/voices";
import type { Preferences, PreferencesInput } from "@/lib/preferences/schema";

interface Props {
  initial: PreferencesInput;
  save: (values: PreferencesInput) => Promise<ActionResult<Preferences>>;
}

export function PreferencesForm({ initial, save }: Props) {
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [pending, startTransition] = useTransition();
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await save(values);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      const { defaultVoice, cameraEnabled, micEnabled } = result.data;
      setSaved({ defaultVoice, cameraEnabled, micEnabled });
      toast.success("Settings saved");
    });
  }

  return (
    <form onSubmit={onSubmit} data-testid="preferences-form">
      <Card>
        <CardHeader title="Conversation defaults" description="Used when you start a new conversation. You can change them on the Live page too." />
        <div className="px-5 py-5 sm:px-6">
          <fieldset>
            <legend className="text-sm font-medium">Voice</legend>
            <p className="text-sm text-fg-muted">How your companion sounds.</p>
            <div role="radiogroup" aria-label="Voice" className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
              {GEMINI_VOICES.map((voice) => {
                const selected = values.defaultVoice === voice.name;
                return (
                  <label
                    key={voice.name}
                    className={cn(
                      "relative flex cursor-pointer flex-col rounded-xl border px-3 py-2.5 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                      selected ? "border-accent bg-accent-soft" : "border-border hover:bg-surface-muted",
                    )}
                  >
                    <input
                      type="radio"
                      name="defaultVoice"
                      value={voice.name}
                      checked={selected}
                      onChange={() => setValues((v) => ({ ...v, defaultVoice: voice.name }))}
                      className="sr-only"
                      data-testid={`voice-${voice.name}`}
                    />
                    <span className={cn("text-sm font-medium", selected && "text-accent")}>{voice.name}</span>
                    <span className="text-xs text-fg-muted">{voice.character}</span>
                    {selected ? <Check aria-hidden className="absolute top-2.5 right-2.5 size-4 text-accent" /> : null}
                  </label>
                );
              })}
            </div>
          </fieldset>

          <div className="mt-5 divide-y divide-border border-t border-border">
            <Switch
              label="Microphone on at start"
              description="Start talking as soon as the conversation begins."
              checked={values.micEnabled}
              onCheckedChange={(micEnabled) => setValues((v) => ({ ...v, micEnabled }))}
              testId="toggle-mic"
            />
            <Switch
              label="Camera on at start"
              description="Let your companion see you from the first moment."
              checked={values.cameraEnabled}
              onCheckedChange={(cameraEnabled) => setValues((v) => ({ ...v, cameraEnabled }))}
              testId="toggle-camera"
            />
          </div>
        </div>
        <div className="flex items-center justify-end gap-3 border-t border-border px-5 py-3.5 sm:px-6">
          {dirty ? <span className="text-sm text-fg-muted">Unsaved changes</span> : null}
          <Button type="submit" pending={pending} disabled={!dirty} data-testid="save-preferences">
            Save changes
          </Button>
        </div>
      </Card>
    </form>
  );
}
