"use client";

import { X } from "lucide-react";
import { useId } from "react";
import { useModalDialog } from "./use-modal-dialog";
import { cn } from "./cn";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A modal dialog on the browser's own <dialog> (as ConfirmDialog): focus moves in and stays
 * there, Escape and the close button close it, the page behind is inert, and focus returns to
 * the control that opened it. Clicking the backdrop closes it too.
 */
export function Dialog({ open, onClose, title, description, children, className, testId }: DialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();
  const descriptionId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its content box.
        if (event.target === ref.current) ref.current.close();
      }}
      className={cn("m-auto max-h-[min(40rem,calc(100%-2rem))] w-[calc(100%-2rem)] max-w-lg rounded-2xl border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/55", className)}
    >
      <div className="flex flex-col gap-4 p-5 sm:p-6">
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-lg font-semibold tracking-tight break-words">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-1 text-sm text-fg-muted">
                {description}
              </div>
            ) : null}
          </div>
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="-m-1 grid size-9 shrink-0 place-items-center rounded-lg text-fg-muted hover:bg-surface-muted hover:text-fg focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
            aria-label="Close"
            data-testid="dialog-close"
          >
            <X aria-hidden className="size-5" />
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
