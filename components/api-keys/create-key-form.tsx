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
import { API_SCOPES, type ApiScope, type CreateApiKeyInput } from "@/lib/api-keys/key";

interface Props {
  create: (input: CreateApiKeyInput) => Promise<ActionResult<{ key: string; id: string; prefix: string }>>;
}

const SCOPE_HELP: Record<ApiScope, string> = {
  "sessions:read": "List and read your conversations",
  "transcripts:read": "Read and search what was said",
  "memories:read": "Read your memories",
  "memories:write": "Add and delete memories",
  "analytics:read": "Your Insights numbers",
};

export function CreateKeyForm({ create }: Props) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(["sessions:read"]);
  const [days, setDays] = useState("");
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    // The previous key leaves the page as soon as another is asked for.
    setCreated(null);
    start(async () => {
      const result = await create({ name, scopes, expiresInDays: days ? Number(days) : null });
      if (!result.ok) {
        setErrors(result.error.fieldErrors ?? { form: [result.error.message] });
        return;
      }
      setCreated(result.data.key);
      setName("");
      router.refresh();
    });
  }

  return (
    <Card data-testid="create-api-key-card">
      <CardHeader title="New API key" description="For scripts and programs calling the LiveMind API. Give it only the scopes it needs." />
      <form onSubmit={onSubmit} className="flex flex-col gap-4 px-5 py-5 sm:px-6" data-testid="create-api-key-form">
        <Field label="Name" name="name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={errors.name?.[0]} data-testid="api-key-name" />
        <CheckboxGroup legend="Scopes" options={API_SCOPES} help={SCOPE_HELP} checked={scopes} onChange={setScopes} error={errors.scopes?.[0]} testIdPrefix="api-key-scope-" />
        <Field label="Expires after (days, optional)" name="expiresInDays" type="number" inputMode="numeric" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} error={errors.expiresInDays?.[0]} hint="Leave empty for a key that lasts until you revoke it." data-testid="api-key-days" />
        {errors.form?.[0] ? <p className="text-sm text-danger" role="alert">{errors.form[0]}</p> : null}
        <div>
          <Button type="submit" pending={pending} disabled={!name.trim() || scopes.length === 0} data-testid="create-api-key">
            Create key
          </Button>
        </div>
      </form>
      {created ? (
        <div className="flex flex-col gap-2 border-t border-border px-5 py-4 sm:px-6" data-testid="new-api-key">
          <p className="text-sm font-medium">Copy your key now: it is not shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded-lg bg-surface-muted px-3 py-2 font-mono text-sm" data-testid="new-api-key-value">
              {created}
            </code>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => void navigator.clipboard?.writeText(created).then(() => toast.success("Key copied"), () => toast.error("Copy it by hand"))}
            >
              <Copy aria-hidden className="size-4" />
              Copy
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
