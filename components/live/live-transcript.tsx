"use client";

import { ArrowDown, AudioLines, MessageSquareText, Timer } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { LiveStatus, LiveTurnView } from "@/lib/live/contract";
import { formatLatency } from "./format";

// Within this many pixels of the bottom counts as "following along".
const STICK_THRESHOLD_PX = 48;

export function LiveTranscript({ turns, status }: { turns: LiveTurnView[]; status: LiveStatus }) {
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [showJump, setShowJump] = useState(false);

  useEffect(() => {
    const el = scroller.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [turns]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_THRESHOLD_PX;
    following.current = atBottom;
    setShowJump(!atBottom);
  }

  function jumpToLatest() {
    const el = scroller.current;
    if (!el) return;
    following.current = true;
    setShowJump(false);
    el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
  }

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        onScroll={onScroll}
        data-testid="live-transcript"
        role="log"
        aria-label="Conversation transcript"
        className="h-full overflow-y-auto overscroll-contain px-4 py-5 sm:px-6"
      >
        {turns.length === 0 ? (
          <EmptyTranscript status={status} />
        ) : (
          <ol className="flex flex-col gap-4">
            {turns.map((turn) => (
              <TurnRow key={turn.id} turn={turn} />
            ))}
          </ol>
        )}
      </div>
      {showJump ? (
        <button
          type="button"
          onClick={jumpToLatest}
          className="absolute bottom-3 left-1/2 inline-flex h-8 -translate-x-1/2 items-center gap-1.5 rounded-full border border-border bg-surface px-3 text-xs font-medium text-fg shadow-md hover:bg-surface-muted"
        >
          <ArrowDown aria-hidden className="size-3.5" />
          Latest
        </button>
      ) : null}
    </div>
  );
}

function TurnRow({ turn }: { turn: LiveTurnView }) {
  const user = turn.sender === "user";
  return (
    <li
      data-testid="live-turn"
      data-sender={turn.sender}
      data-final={String(turn.final)}
      data-interrupted={String(turn.interrupted)}
      className={cn("flex flex-col gap-1", user ? "items-end" : "items-start")}
    >
      <span className="px-1 text-xs font-medium text-fg-muted">{user ? "You" : "Companion"}</span>
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-4 py-2.5 text-[15px] leading-relaxed break-words whitespace-pre-wrap",
          user ? "rounded-br-md bg-accent text-accent-fg" : "rounded-bl-md border border-border bg-surface-muted text-fg",
          !turn.final && "opacity-75",
        )}
      >
        {turn.text || <span className="italic opacity-70">…</span>}
        {!turn.final ? <span aria-hidden className="ml-0.5 inline-block h-4 w-0.5 translate-y-0.5 animate-pulse rounded-full bg-current" /> : null}
      </div>
      <TurnMeta turn={turn} />
    </li>
  );
}

function TurnMeta({ turn }: { turn: LiveTurnView }) {
  const parts: React.ReactNode[] = [];
  if (!turn.final) parts.push(<span key="live">{turn.sender === "user" ? "Listening…" : "Speaking…"}</span>);
  if (turn.interrupted) {
    parts.push(
      <span key="interrupted" className="rounded-full bg-surface-muted px-1.5 py-px font-medium text-fg-muted ring-1 ring-border">
        Interrupted
      </span>,
    );
  }
  if (turn.sender === "model" && turn.latencyMs !== null) {
    parts.push(
      <span key="latency" className="inline-flex items-center gap-1" title="From the end of your words to the first sound of the reply">
        <Timer aria-hidden className="size-3" />
        {formatLatency(turn.latencyMs)}
      </span>,
    );
  }
  if (parts.length === 0) return null;
  return <div className="flex items-center gap-2 px-1 text-xs text-fg-muted">{parts}</div>;
}

function EmptyTranscript({ status }: { status: LiveStatus }) {
  const listening = status === "live" || status === "connecting" || status === "reconnecting";
  const Icon = listening ? AudioLines : MessageSquareText;
  const title = listening
    ? status === "live"
      ? "Listening — say hello"
      : "Getting ready…"
    : status === "ended"
      ? "Nothing was said this time"
      : "Your conversation will appear here";
  const text = listening
    ? "Your words and your companion's replies appear here as you talk."
    : "Press Start and speak, or type a message. Everything you both say is transcribed and saved.";
  return (
    <div className="flex h-full min-h-36 flex-col items-center justify-center gap-3 px-6 text-center lg:min-h-48">
      <span className={cn("grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent", listening && "animate-pulse")}>
        <Icon aria-hidden className="size-6" />
      </span>
      <div>
        <p className="font-medium text-fg">{title}</p>
        <p className="mt-1 max-w-xs text-sm text-fg-muted">{text}</p>
      </div>
    </div>
  );
}
