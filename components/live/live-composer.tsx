"use client";

import { SendHorizontal } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

interface Props {
  enabled: boolean;
  onSend: (text: string) => void;
}

export function LiveComposer({ enabled, onSend }: Props) {
  const [text, setText] = useState("");
  const message = text.trim();

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!enabled || !message) return;
    onSend(message);
    setText("");
  }

  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2 border-t border-border p-3 sm:px-4">
      <label htmlFor="live-text" className="sr-only">
        Type a message
      </label>
      <input
        id="live-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        disabled={!enabled}
        maxLength={4000}
        autoComplete="off"
        placeholder={enabled ? "Type a message…" : "Start a conversation to type"}
        data-testid="live-text-input"
        className={cn(
          "h-11 min-w-0 flex-1 rounded-full border border-border bg-bg px-4 text-[15px] text-fg placeholder:text-fg-muted/80 transition-colors",
          "focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60",
        )}
      />
      <button
        type="submit"
        disabled={!enabled || !message}
        aria-label="Send message"
        data-testid="live-text-send"
        className="grid size-11 shrink-0 place-items-center rounded-full bg-accent text-accent-fg shadow-sm transition-colors hover:bg-accent-hover disabled:cursor-not-allowed disabled:opacity-50"
      >
        <SendHorizontal aria-hidden className="size-5" />
      </button>
    </form>
  );
}
