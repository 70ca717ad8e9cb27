"use client";

import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { ADMIN_WEBHOOK_EVENTS, type CreateWebhookInput, USER_WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/webhooks/webhook";

interface Props {
  isAdmin: boolean;
  create: (input: CreateWebhookInput) => Promise<ActionResult<{ id: string; secret: string }>>;
}

const EVENT_HELP: Record<WebhookEventType, string> = {
  "session.started": "A conversation starts",
  "session.ended": "A conversation ends, with its analytics",
  "memory.created": "LiveMind remembers something new",
  "alert.fired": "An operator alert fires (admins)",
  "alert.resolved": "An operator alert resolves (admins)",
};

export function CreateWebhookForm({ isAdmin, create }: Props) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>(["session.ended"]);
  const [includeTranscript, setIncludeTranscript] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const choices: readonly WebhookEventType[] = isAdmin ? [...USER_WEBHOOK_EVENTS, ...ADMIN_WEBHOOK_EVENTS] : USER_WEBHOOK_EVENTS;

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setSecret(null);
    start(async () => {
      const result = await create({ url, events, includeTranscript });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? { form: [result.error.message] });
        return;
      }
      setSecret(result.data.secret);
      setUrl("");
      router.refresh();
    });
  }

  return (
    <Card data-testid="create-webhook-card">
      <CardHeader title="New webhook" description="LiveMind POSTs signed JSON (Standard Webhooks) to your URL when these events happen." />
      <form onSubmit={onSubmit} className="flex flex-col gap-4 px-5 py-5 sm:px-6" data-testid="create-webhook-form">
        <Field label="URL" name="url" type="url" maxLength={2000} placeholder="https://example.com/hooks/livemind" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url?.[0]} data-testid="webhook-url" />
        <CheckboxGroup legend="Events" options={choices} help={EVENT_HELP} checked={events} onChange={setEvents} error={errors.events?.[0]} testIdPrefix="webhook-event-" />
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-accent" checked={includeTranscript} onChange={(e) => setIncludeTranscript(e.target.checked)} data-testid="webhook-include-transcript" />
          <span>
            Include the transcript in <span className="font-mono">session.ended</span>
            <span className="block text-fg-muted">Off by default: only the analytics are sent.</span>
          </span>
        </label>
        {errors.form?.[0] ? <p className="text-sm text-danger" role="alert">{errors.form[0]}</p> : null}
        <div>
          <Button type="submit" pending={pending} disabled={!url.trim() || events.length === 0} data-testid="create-webhook">
            Add webhook
          </Button>
        </div>
      </form>
      {secret ? (
        <div className="flex flex-col gap-2 border-t border-border px-5 py-4 sm:px-6" data-testid="new-webhook-secret">
          <p className="text-sm font-medium">Copy the signing secret now: it is not shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded-lg bg-surface-muted px-3 py-2 font-mono text-sm" data-testid="new-webhook-secret-value">
              {secret}
            </code>
            <Button type="button" variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(secret).then(() => toast.success("Secret copied"), () => toast.error("Copy it by hand"))}>
              <Copy aria-hidden className="size-4" />
              Copy
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setSecret(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
