"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/actions/safe-action";
import { RETENTION_DAY_CHOICES } from "@/lib/media/limits";
import type { Preferences, RecordingPreferencesInput } from "@/lib/preferences/schema";

interface Props {
  initial: { saveAudio: boolean; saveVideoFrames: boolean; mediaRetentionDays: number };
  save: (values: RecordingPreferencesInput) => Promise<ActionResult<Preferences>>;
}

type Retention = RecordingPreferencesInput["mediaRetentionDays"];

const toRetention = (days: number): Retention => (RETENTION_DAY_CHOICES as readonly number[]).includes(days) ? (days as Retention) : 30;

/** Opt-in recording for replay: off until the user turns it on. */
export function RecordingForm({ initial, save }: Props) {
  const start: RecordingPreferencesInput = { ...initial, mediaRetentionDays: toRetention(initial.mediaRetentionDays) };
  const [values, setValues] = useState(start);
  const [saved, setSaved] = useState(start);
  const [pending, startTransition] = useTransition();
  const retentionId = useId();
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await save(values);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      const { saveAudio, saveVideoFrames, mediaRetentionDays } = result.data;
      setSaved({ saveAudio, saveVideoFrames, mediaRetentionDays: toRetention(mediaRetentionDays) });
      toast.success("Recording settings saved");
    });
  }

  return (
    <form onSubmit={onSubmit} data-testid="recording-form">
      <Card>
        <CardHeader
          title="Recording"
          description="Save conversations to play them back later. Off unless you turn it on; the Live page shows when it is recording."
        />
        <div className="px-5 py-2 sm:px-6">
          <div className="divide-y divide-border">
            <Switch
              label="Save audio"
              description="Your voice and your companion's, for replay with the transcript."
              checked={values.saveAudio}
              onCheckedChange={(saveAudio) => setValues((v) => ({ ...v, saveAudio }))}
              testId="toggle-save-audio"
            />
            <Switch
              label="Save camera frames"
              description="About one still a second while the camera is on. Screen sharing is never saved."
              checked={values.saveVideoFrames}
              onCheckedChange={(saveVideoFrames) => setValues((v) => ({ ...v, saveVideoFrames }))}
              testId="toggle-save-frames"
            />
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
              <div className="min-w-0">
                <label htmlFor={retentionId} className="text-sm font-medium text-fg">
                  Keep recordings for
                </label>
                <p className="text-sm text-fg-muted">Older audio and frames are deleted; transcripts stay.</p>
              </div>
              <select
                id={retentionId}
                value={values.mediaRetentionDays}
                onChange={(event) => setValues((v) => ({ ...v, mediaRetentionDays: toRetention(Number(event.target.value)) }))}
                data-testid="retention-days"
                className="h-10 rounded-lg border border-border bg-surface px-3 text-sm text-fg focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
              >
                {RETENTION_DAY_CHOICES.map((days) => (
                  <option key={days} value={days}>
                    {days === 365 ? "1 year" : `${days} days`}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <div className="flex items-center justify-end gap-3 border-t border-border px-5 py-3.5 sm:px-6">
          {dirty ? <span className="text-sm text-fg-muted">Unsaved changes</span> : null}
          <Button type="submit" pending={pending} disabled={!dirty} data-testid="save-recording">
            Save changes
          </Button>
        </div>
      </Card>
    </form>
  );
}
