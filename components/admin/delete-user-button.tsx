"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { DeleteUserInput } from "@/lib/admin/schema";

interface Props {
  user: { id: string; name: string; email: string };
  remove: (input: DeleteUserInput) => Promise<ActionResult<{ userId: string; conversations: number }>>;
}

/** The admin's way to erase an account: the same erasure as the owner's, audited. */
export function DeleteUserButton({ user, remove }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function onConfirm(form: FormData) {
    const confirmEmail = String(form.get("confirmEmail") ?? "").trim();
    if (confirmEmail.toLowerCase() !== user.email.toLowerCase()) return setError("Type the account's email address exactly.");
    setError(undefined);
    startTransition(async () => {
      const result = await remove({ userId: user.id, confirmEmail });
      if (!result.ok) return setError(result.error.fieldErrors?.confirmEmail?.[0] ?? result.error.message);
      setOpen(false);
      toast.success(`${user.name}'s account is erased`);
      router.replace("/admin/users");
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)} data-testid="action-delete">
        <Trash2 aria-hidden className="size-4" />
        Delete account
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => !pending && setOpen(false)}
        title={`Erase ${user.name}'s account?`}
        description={
          <>
            Every conversation, recording, memory and setting of <span className="font-medium text-fg [overflow-wrap:anywhere]">{user.email}</span> is
            erased now, for good. The audit log keeps that you did it, not whose account it was beyond its id; the dashboards keep only day totals.
          </>
        }
        confirmLabel="Erase account"
        pending={pending}
        onConfirm={onConfirm}
        testId="delete-user-dialog"
      >
        <Field label="Type the account's email to confirm" name="confirmEmail" type="email" autoComplete="off" maxLength={254} error={error} data-testid="delete-user-confirm" />
      </ConfirmDialog>
    </>
  );
}
