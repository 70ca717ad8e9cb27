"use client";

import { FileText, Trash2, Upload } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

interface DocumentRow {
  id: string;
  name: string;
  sizeBytes: number;
  status: "processing" | "ready" | "failed";
  failureReason: string | null;
  chunkCount: number;
}

const POLL_MS = 2_000;
const sizeLabel = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? "The request could not be completed.";
}

/** The persona's documents: upload (.txt, .md, .pdf), status while processing, delete. */
export type { DocumentRow };

export function KnowledgeDocuments({ personaId, initial }: { personaId: string; initial: DocumentRow[] }) {
  const base = `/api/personas/${personaId}/documents`;
  const [documents, setDocuments] = useState<DocumentRow[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const response = await fetch(base, { cache: "no-store" });
    if (response.ok) setDocuments(((await response.json()) as { documents: DocumentRow[] }).documents);
  }, [base]);

  // Processing happens in a job after the upload: poll until nothing is processing.
  const processing = documents.some((doc) => doc.status === "processing");
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [processing, refresh]);

  async function upload(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of Array.from(files)) {
        const form = new FormData();
        form.set("file", file);
        const response = await fetch(base, { method: "POST", body: form });
        if (!response.ok) setError(`${file.name}: ${await errorMessage(response)}`);
      }
      await refresh();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function remove(doc: DocumentRow) {
    const response = await fetch(`${base}/${doc.id}`, { method: "DELETE" });
    if (!response.ok) setError(await errorMessage(response));
    await refresh();
  }

  return (
    <Card className="mt-6" data-testid="knowledge">
      <CardHeader
        title="Knowledge"
        description="Documents it can look things up in during a conversation: .txt, .md or .pdf, up to 10 MB each."
        action={
          <Button variant="secondary" size="sm" pending={busy} onClick={() => input.current?.click()}>
            <Upload aria-hidden className="size-4" /> Upload
          </Button>
        }
      />
      <input ref={input} type="file" accept=".txt,.md,.markdown,.pdf" multiple hidden aria-label="Upload documents" onChange={(event) => void upload(event.target.files)} />
      {error ? (
        <p role="alert" className="mt-3 px-5 text-sm text-danger sm:px-6">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-border px-5 pb-2 sm:px-6">
        {documents.length === 0 ? <li className="py-3 text-sm text-fg-muted">No documents yet.</li> : null}
        {documents.map((doc) => (
          <li key={doc.id} className="flex items-start gap-3 py-3" data-testid="knowledge-document">
            <FileText aria-hidden className="mt-0.5 size-4 shrink-0 text-fg-muted" />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">{doc.name}</p>
              <p className="text-xs text-fg-muted">
                {sizeLabel(doc.sizeBytes)}
                {doc.status === "ready" ? ` · ${doc.chunkCount} passage${doc.chunkCount === 1 ? "" : "s"}` : ""}
              </p>
              {doc.status === "failed" && doc.failureReason ? <p className="mt-1 text-xs text-danger">{doc.failureReason}</p> : null}
            </div>
            <Badge tone={doc.status === "ready" ? "success" : doc.status === "failed" ? "danger" : "neutral"}>{doc.status === "processing" ? "Processing…" : doc.status === "ready" ? "Ready" : "Failed"}</Badge>
            <Button variant="ghost" size="sm" aria-label={`Delete ${doc.name}`} onClick={() => void remove(doc)}>
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
