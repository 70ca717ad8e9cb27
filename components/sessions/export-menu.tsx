"use client";

import { Download, FileJson, FileText } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { exportPath } from "./history-api";

/** Download one conversation as Markdown (to read) or JSON (everything stored). */
export function ExportMenu({ sessionId, title }: { sessionId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const item = "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm text-fg hover:bg-surface-muted focus-visible:bg-surface-muted";
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label={`Export “${title}”`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        className="grid size-9 place-items-center rounded-lg text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg"
        data-testid="history-export"
      >
        <Download aria-hidden className="size-4" />
      </button>
      {open ? (
        <div id={menuId} role="menu" className="absolute top-full right-0 z-20 mt-1 w-48 rounded-xl border border-border bg-surface p-1 shadow-lg">
          <a role="menuitem" href={exportPath(sessionId, "md")} download className={item} onClick={() => setOpen(false)} data-testid="history-export-md">
            <FileText aria-hidden className="size-4 text-fg-muted" /> Markdown
          </a>
          <a role="menuitem" href={exportPath(sessionId, "json")} download className={item} onClick={() => setOpen(false)} data-testid="history-export-json">
            <FileJson aria-hidden className="size-4 text-fg-muted" /> JSON, every field
          </a>
        </div>
      ) : null}
    </div>
  );
}
