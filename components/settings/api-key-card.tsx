"use client";

import { KeyRound } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { LocalDateTime } from "@/components/ui/local-date-time";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { GeminiKeyInput, GeminiKeyStatus } from "@/lib/gemini/key-input";

interface Props {
  initial: GeminiKeyStatus;
  save: (input: GeminiKeyInput) => Promise<ActionResult<GeminiKeyStatus>>;
  remove: (input: Record<string, never>) => Promise<ActionResult<GeminiKeyStatus>>;
}

function explain(status: GeminiKeyStatus): string {
  if (status.userKey) {
    return status.userKey.isValid
      ? "Your conversations use your own key."
      : "Gemini rejected your saved key the last time it was used. Replace it to keep talking.";
  }
  return status.serverKeyAvailable
    ? "You have no key of your own: conversations use this deployment's shared key. Add yours to use your own quota."
    : "Add a key to start conversations. Create one for free in Google AI Studio.";
}

export function ApiKeyCard({ initial, save, remove }: Props) {
  const [status, setStatus] = useState(initial);
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [saving, startSave] = useTransition();
  const [deleting, startDelete] = useTransition();

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    startSave(async () => {
      const result = await save({ apiKey });
      if (!result.ok) {
        setError(result.error.fieldErrors?.apiKey?.[0] ?? result.error.message);
        return;
      }
      // The plaintext stays on the page no longer than it takes to store it.
      setApiKey("");
      setStatus(result.data);
      toast.success("Gemini key saved");
    });
  }

  function onDelete() {
    startDelete(async () => {
      const result = await remove({});
      setConfirmingDelete(false);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      setStatus(result.data);
      toast.success("Gemini key deleted");
    });
  }

  const userKey = status.userKey;
  const badge = userKey ? (
    <Badge tone={userKey.isValid ? "success" : "danger"} data-testid="gemini-key-status">
      {userKey.isValid ? "Your key" : "Key rejected"}
    </Badge>
  ) : (
    <Badge tone={status.serverKeyAvailable ? "accent" : "neutral"} data-testid="gemini-key-status">
      {status.serverKeyAvailable ? "Shared key" : "No key"}
    </Badge>
  );

  return (
    <Card data-testid="gemini-key-card" data-key-source={status.source}>
      <CardHeader title="Gemini API key" description={explain(status)} action={badge} />
      <div className="flex flex-col gap-5 px-5 py-5 sm:px-6">
        {userKey ? (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-border bg-surface-muted px-4 py-3">
            <div className="flex min-w-0 items-center gap-3">
              <KeyRound aria-hidden className="size-4 shrink-0 text-fg-muted" />
              <div className="min-w-0">
                <p className="text-sm font-medium">
                  Key ending in{" "}
                  <span className="font-mono" data-testid="gemini-key-last-four">
                    {userKey.lastFour}
                  </span>
                </p>
                {userKey.validatedAt ? (
                  <p className="text-xs text-fg-muted">
                    Checked <LocalDateTime iso={userKey.validatedAt} />
                  </p>
                ) : null}
              </div>
            </div>
            {confirmingDelete ? (
              <div className="flex items-center gap-2">
                <Button type="button" variant="ghost" size="sm" onClick={() => setConfirmingDelete(false)} disabled={deleting}>
                  Keep it
                </Button>
                <Button type="button" variant="danger" size="sm" pending={deleting} onClick={onDelete} data-testid="confirm-delete-gemini-key">
                  Delete key
                </Button>
              </div>
            ) : (
              <Button type="button" variant="secondary" size="sm" onClick={() => setConfirmingDelete(true)} data-testid="delete-gemini-key">
                Delete
              </Button>
            )}
          </div>
        ) : null}

        <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" data-testid="gemini-key-form">
          <div className="min-w-0 flex-1">
            <Field
              label={userKey ? "Replace with a new key" : "Your Gemini API key"}
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="AIza…"
              value={apiKey}
              onChange={(event) => {
                setApiKey(event.target.value);
                setError(undefined);
              }}
              error={error}
              hint="Checked with Gemini, then stored encrypted. Only its last 4 characters are shown again."
              data-testid="gemini-key-input"
            />
          </div>
          <Button type="submit" pending={saving} disabled={!apiKey.trim()} className="sm:mt-7" data-testid="save-gemini-key">
            {userKey ? "Replace key" : "Save key"}
          </Button>
        </form>
      </div>
    </Card>
  );
}
