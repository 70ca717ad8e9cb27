"use client";

import { FileText } from "lucide-react";
import { Fragment, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { knowledgePassagePath } from "@/lib/knowledge/tool";

export interface SourceRef {
  chunkId: string;
  document: string;
  page: number | null;
}

type Loaded = { state: "loading" } | { state: "ready"; content: string } | { state: "error"; message: string };

const label = (source: SourceRef) => `${source.document}${source.page ? `, page ${source.page}` : ""}`;

/**
 * "from Menu.pdf, page 3 · from notes.md", each source a button that opens the passage the
 * answer came from, fetched for the signed-in user only.
 */
export function KnowledgeSources({ sources, testId }: { sources: SourceRef[]; testId?: string }) {
  const [open, setOpen] = useState<SourceRef | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  async function show(source: SourceRef) {
    setOpen(source);
    setLoaded({ state: "loading" });
    try {
      const response = await fetch(knowledgePassagePath(source.chunkId), { cache: "no-store" });
      const body = (await response.json().catch(() => ({}))) as { passage?: { content: string }; message?: string };
      if (response.ok && body.passage) setLoaded({ state: "ready", content: body.passage.content });
      else setLoaded({ state: "error", message: body.message ?? "The passage could not be loaded." });
    } catch {
      setLoaded({ state: "error", message: "The passage could not be loaded. Check your connection and try again." });
    }
  }

  const unique = [...new Map(sources.map((s) => [s.chunkId, s])).values()];
  return (
    <>
      <span data-testid={testId}>
        {unique.map((source, i) => (
          <Fragment key={source.chunkId}>
            {i > 0 ? <span aria-hidden> · </span> : null}
            from{" "}
            <button
              type="button"
              onClick={() => void show(source)}
              className="rounded font-medium text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
              aria-haspopup="dialog"
              data-testid="knowledge-source"
            >
              {label(source)}
            </button>
          </Fragment>
        ))}
      </span>
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={
          <span className="flex items-center gap-2">
            <FileText aria-hidden className="size-5 shrink-0 text-fg-muted" />
            <span className="min-w-0 break-words">{open?.document}</span>
          </span>
        }
        description={open?.page ? `Page ${open.page}` : "The passage the answer came from"}
        testId="knowledge-passage-dialog"
      >
        {loaded.state === "loading" ? (
          <p className="text-sm text-fg-muted" role="status">
            Loading the passage…
          </p>
        ) : loaded.state === "error" ? (
          <p className="text-sm text-danger" role="alert">
            {loaded.message}
          </p>
        ) : (
          <blockquote className="max-h-[50vh] overflow-y-auto rounded-lg border-l-4 border-accent/60 bg-surface-muted px-4 py-3 text-[15px] leading-relaxed whitespace-pre-wrap text-fg" data-testid="knowledge-passage-text">
            {loaded.content}
          </blockquote>
        )}
      </Dialog>
    </>
  );
}
