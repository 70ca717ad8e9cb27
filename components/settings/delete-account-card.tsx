"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";

interface Props {
  remove: (input: { password: string }) => Promise<ActionResult<{ conversations: number }>>;
}

export function DeleteAccountCard({ remove }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function onConfirm(form: FormData) {
    const password = String(form.get("password") ?? "");
    if (!password) return setError("Enter your password to confirm.");
    setError(undefined);
    startTransition(async () => {
      const result = await remove({ password });
      if (!result.ok) return setError(result.error.fieldErrors?.password?.[0] ?? result.error.message);
      router.replace("/sign-in?deleted=1");
      router.refresh();
    });
  }

  return (
    <Card data-testid="delete-account-card">
      <CardHeader title="Delete account" description="Erase your account and everything in it, at once and for good." />
      <div className="flex flex-col gap-4 px-5 py-5 text-sm sm:px-6">
        <p className="text-fg-muted">
          Every conversation, transcript, recording, camera frame, memory, persona, your Gemini key and your settings are erased immediately; nothing
          can be restored. Export first if you want a copy. Admin dashboards keep only day totals with no link to you.
        </p>
        <Button variant="danger" className="self-start" onClick={() => setOpen(true)} data-testid="delete-account-open">
          Delete my account
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete your account?"
        description="This erases everything of yours right now. Enter your password to confirm it is you."
        confirmLabel="Delete everything"
        pending={pending}
        onConfirm={onConfirm}
        testId="delete-account-dialog"
      >
        <Field label="Password" name="password" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} error={error} data-testid="delete-account-password" />
      </ConfirmDialog>
    </Card>
  );
}
