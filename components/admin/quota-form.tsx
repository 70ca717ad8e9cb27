"use client";

import { Gauge } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { CONCURRENT_LIMIT_MAX, MONTHLY_MINUTES_MAX, type QuotaDefaults, type QuotaOverride, type SetUserQuotaInput } from "@/lib/quotas/limits";

type Save = (input: SetUserQuotaInput) => Promise<ActionResult<QuotaOverride & { userId: string }>>;

/** An empty field is the deployment's default; a number is kept as typed, and the server checks it. */
const parse = (value: FormDataEntryValue | null): number | null => {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text);
};

/** An admin's per-account limits on Live conversations (audited by the action). */
export function QuotaForm({ userId, override, defaults, save }: { userId: string; override: QuotaOverride; defaults: QuotaDefaults; save: Save }) {
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { userId, concurrentSessionsLimit: parse(form.get("concurrent")), monthlyMinutesLimit: parse(form.get("minutes")) };
    startTransition(async () => {
      const result = await save(input);
      if (!result.ok) {
        const fields = result.error.fieldErrors ?? {};
        setErrors({ concurrent: fields.concurrentSessionsLimit?.[0], minutes: fields.monthlyMinutesLimit?.[0] });
        if (!fields.concurrentSessionsLimit && !fields.monthlyMinutesLimit) toast.error(result.error.message);
        return;
      }
      setErrors({});
      toast.success("Quotas saved");
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="quota-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Conversations at once"
          name="concurrent"
          type="number"
          inputMode="numeric"
          min={1}
          max={CONCURRENT_LIMIT_MAX}
          step={1}
          defaultValue={override.concurrentSessionsLimit ?? ""}
          placeholder={`Default (${defaults.concurrentSessions})`}
          hint="Empty: the deployment's default."
          error={errors.concurrent}
          data-testid="quota-concurrent"
        />
        <Field
          label="Minutes a month"
          name="minutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={MONTHLY_MINUTES_MAX}
          step={1}
          defaultValue={override.monthlyMinutesLimit ?? ""}
          placeholder={`Default (${defaults.monthlyMinutes})`}
          hint="0 stops new conversations. Empty: the default."
          error={errors.minutes}
          data-testid="quota-minutes"
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" size="sm" pending={pending} data-testid="quota-save">
          {pending ? null : <Gauge aria-hidden className="size-4" />}
          Save quotas
        </Button>
      </div>
    </form>
  );
}
