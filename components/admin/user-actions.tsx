"use client";

import { Ban, LogOut, ShieldCheck } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/safe-action";
import { BAN_DURATIONS, BAN_REASON_MAX, type BanUserInput, type ModerationResult } from "@/lib/admin/schema";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { plural } from "./format";

type Target = { userId: string };
type Act<I> = (input: I) => Promise<ActionResult<ModerationResult>>;

interface UserActionsProps {
  user: { id: string; name: string; email: string; banned: boolean; activeAuthSessions: number };
  ban: Act<BanUserInput>;
  unban: Act<Target>;
  revoke: Act<Target>;
}

type Open = "ban" | "unban" | "revoke" | null;

export function UserActions({ user, ban, unban, revoke }: UserActionsProps) {
  const [open, setOpen] = useState<Open>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const reasonId = useId();
  const durationId = useId();

  function close() {
    if (pending) return;
    setOpen(null);
    setReasonError(undefined);
  }

  function run<I>(act: Act<I>, input: I, done: (result: ModerationResult) => string) {
    startTransition(async () => {
      const result = await act(input);
      if (!result.ok) {
        const reason = result.error.fieldErrors?.reason?.[0];
        if (reason) {
          setReasonError(reason);
          return;
        }
        toast.error(result.error.message);
        setOpen(null);
        return;
      }
      setOpen(null);
      setReasonError(undefined);
      toast.success(done(result.data));
    });
  }

  function onBan(form: FormData) {
    const days = String(form.get("duration") ?? "");
    run(ban, { userId: user.id, reason: String(form.get("reason") ?? ""), expiresInDays: days ? Number(days) : null }, () => `${user.name} is banned and signed out`);
  }

  const sessions = plural(user.activeAuthSessions, "signed-in session");

  return (
    <div className="flex flex-wrap gap-2" data-testid="user-actions">
      <Button variant="secondary" size="sm" onClick={() => setOpen("revoke")} data-testid="action-revoke">
        <LogOut aria-hidden className="size-4" />
        Revoke sessions
      </Button>
      {user.banned ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen("unban")} data-testid="action-unban">
          <ShieldCheck aria-hidden className="size-4" />
          Unban
        </Button>
      ) : (
        <Button variant="danger" size="sm" onClick={() => setOpen("ban")} data-testid="action-ban">
          <Ban aria-hidden className="size-4" />
          Ban user
        </Button>
      )}

      <ConfirmDialog
        open={open === "ban"}
        onClose={close}
        title={`Ban ${user.name}?`}
        description={
          <>
            <span className="font-medium text-fg [overflow-wrap:anywhere]">{user.email}</span> is signed out of {sessions} at once and cannot sign in
            again until the ban ends.
          </>
        }
        confirmLabel="Ban and sign out"
        pending={pending}
        onConfirm={onBan}
        testId="ban-dialog"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor={reasonId} className="text-sm font-medium">
            Reason
          </label>
          <textarea
            id={reasonId}
            name="reason"
            rows={3}
            maxLength={BAN_REASON_MAX}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : `${reasonId}-hint`}
            placeholder="What happened, for the audit log"
            className={cn(
              "resize-y rounded-lg border bg-surface px-3 py-2 text-[15px] placeholder:text-fg-muted/70 focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none",
              reasonError ? "border-danger" : "border-border",
            )}
          />
          {reasonError ? (
            <p id={`${reasonId}-error`} role="alert" className="text-sm text-danger">
              {reasonError}
            </p>
          ) : (
            <p id={`${reasonId}-hint`} className="text-sm text-fg-muted">
              Kept in the audit log. The user is not shown it.
            </p>
          )}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={durationId} className="text-sm font-medium">
            Duration
          </label>
          <select
            id={durationId}
            name="duration"
            defaultValue=""
            className="h-10 rounded-lg border border-border bg-surface px-3 text-[15px] focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
          >
            {BAN_DURATIONS.map(({ days, label }) => (
              <option key={label} value={days ?? ""}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </ConfirmDialog>

      <ConfirmDialog
        open={open === "unban"}
        onClose={close}
        title={`Unban ${user.name}?`}
        description="The ban is lifted now: they can sign in again with their password."
        confirmLabel="Unban"
        tone="primary"
        pending={pending}
        onConfirm={() => run(unban, { userId: user.id }, () => `${user.name} can sign in again`)}
        testId="unban-dialog"
      />

      <ConfirmDialog
        open={open === "revoke"}
        onClose={close}
        title={`Sign ${user.name} out everywhere?`}
        description={`Ends ${sessions} on every device. They can sign in again straight away.`}
        confirmLabel="Revoke sessions"
        pending={pending}
        onConfirm={() => run(revoke, { userId: user.id }, (data) => `Ended ${plural(data.sessionsRevoked, "session")} for ${user.name}`)}
        testId="revoke-dialog"
      />
    </div>
  );
}
