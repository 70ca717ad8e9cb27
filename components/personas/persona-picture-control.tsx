"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MAX_PICTURE_BYTES, PICTURE_ACCEPT } from "@/lib/personas/picture";

/**
 * Upload, replace or remove a persona's picture. It is saved at once (not with the form): the
 * server checks the bytes (PNG, JPEG or WebP, up to 2 MB) and answers a new version.
 */
export function PersonaPictureControl({ personaId, version, onChange }: { personaId: string; version: number | null; onChange: (version: number | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [pending, setPending] = useState<"upload" | "remove" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/personas/${personaId}/picture`;

  async function upload(file: File) {
    setError(null);
    if (file.size > MAX_PICTURE_BYTES) {
      setError(`Pictures can be up to ${MAX_PICTURE_BYTES / 1024 / 1024} MB.`);
      return;
    }
    setPending("upload");
    try {
      const response = await fetch(path, { method: "PUT", body: file, headers: { "content-type": file.type || "application/octet-stream" } });
      const body = (await response.json().catch(() => ({}))) as { version?: number; message?: string };
      if (response.ok && body.version) onChange(body.version);
      else setError(body.message ?? "The picture could not be saved.");
    } catch {
      setError("The picture could not be sent. Check your connection and try again.");
    } finally {
      setPending(null);
      if (input.current) input.current.value = "";
    }
  }

  async function remove() {
    setError(null);
    setPending("remove");
    try {
      const response = await fetch(path, { method: "DELETE" });
      if (response.ok || response.status === 404) onChange(null);
      else setError(((await response.json().catch(() => ({}))) as { message?: string }).message ?? "The picture could not be removed.");
    } catch {
      setError("The picture could not be removed. Check your connection and try again.");
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid="persona-picture-control">
      <div className="flex flex-wrap gap-2">
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={PICTURE_ACCEPT}
          className="peer sr-only"
          disabled={pending !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
          data-testid="persona-picture-input"
        />
        <label
          htmlFor={inputId}
          aria-busy={pending === "upload" || undefined}
          className={cn(buttonClasses({ variant: "secondary", size: "sm" }), "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-ring/60 peer-disabled:cursor-not-allowed peer-disabled:opacity-45")}
        >
          <ImageUp aria-hidden className="size-4" />
          {pending === "upload" ? "Uploading…" : version ? "Replace picture" : "Upload picture"}
        </label>
        {version ? (
          <Button type="button" variant="ghost" size="sm" pending={pending === "remove"} disabled={pending !== null} onClick={() => void remove()} data-testid="persona-picture-remove">
            <Trash2 aria-hidden className="size-4" />
            Remove
          </Button>
        ) : null}
      </div>
      <p className="text-xs text-fg-muted">PNG, JPEG or WebP, up to 2 MB. Without one, the initials show.</p>
      {error ? (
        <p role="alert" className="text-sm text-danger" data-testid="persona-picture-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
