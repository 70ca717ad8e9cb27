"use client";

import { useId } from "react";
import { useModalDialog } from "./use-modal-dialog";
import { Button } from "./button";

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  pending?: boolean;
  /** Receives the dialog's form, so fields placed inside (a reason, a duration) come along. */
  onConfirm: (form: FormData) => void;
  children?: React.ReactNode;
  testId?: string;
}

/**
 * The browser's own modal <dialog>: focus moves in and stays there, Escape cancels, the page
 * behind is inert. Nothing irreversible happens without passing through one of these.
 */
export function ConfirmDialog({ open, onClose, title, description, confirmLabel, tone = "danger", pending, onConfirm, children, testId }: ConfirmDialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const descriptionId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid={testId}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/55"
    >
      <form
        className="flex flex-col gap-5 p-6"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(new FormData(event.currentTarget));
        }}
      >
        <div>
          <h2 id={titleId} className="text-lg font-semibold tracking-tight">
            {title}
          </h2>
          <div id={descriptionId} className="mt-1.5 text-sm text-fg-muted">
            {description}
          </div>
        </div>
        {children}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={onClose} disabled={pending} data-testid="confirm-cancel">
            Cancel
          </Button>
          <Button type="submit" variant={tone} pending={pending} data-testid="confirm-submit">
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
