"use client";

import { History } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { GeminiVoice } from "@/lib/gemini/voices";
import type { LiveActions } from "@/lib/live/contract";
import { useLiveSession } from "@/lib/live/use-live-session";
import { isInProgress } from "./format";
import { LiveError, LiveNotice } from "./live-alerts";
import { LiveComposer } from "./live-composer";
import { LiveControls, type StartChoices } from "./live-controls";
import { LivePreview } from "./live-preview";
import { LiveResumeOffer } from "./live-resume-offer";
import { LiveStatsProbe } from "./live-stats";
import { LiveStatusPill } from "./live-status-pill";
import { LiveTranscript } from "./live-transcript";
import { KnowledgeSources } from "@/components/knowledge/knowledge-sources";
import { PersonaStage, type StagePersona } from "./persona-stage";
import { RecordingIndicator } from "./recording-indicator";
import { useElapsedSeconds } from "./use-elapsed-seconds";
import { useRememberedVoice, type RememberVoice } from "./use-remembered-voice";

interface Props {
  actions: LiveActions;
  defaults: StartChoices;
  /** Whose Gemini key pays for the conversation, in words ("your key ending in 1234"). */
  keyLabel: string;
  /** What Settings asks to save for replay. */
  recording: { audio: boolean; frames: boolean };
  rememberVoice: RememberVoice;
  /** The user's personas; the one in defaults.personaId is offered first. */
  personas?: LivePersona[];
}

export interface LivePersona extends StagePersona {
  id: string;
  voice: GeminiVoice;
}

const DEFAULT_STAGE: StagePersona = { name: "LiveMind", initials: "LM", color: "violet" };

export function LiveConsole({ actions, defaults, keyLabel, recording, rememberVoice, personas = [] }: Props) {
  const live = useLiveSession(actions);
  const [choices, setChoices] = useState(defaults);
  const voice = useRememberedVoice(rememberVoice);
  const [pending, setPending] = useState<"start" | "retry" | "continue" | "end" | null>(null);
  const elapsed = useElapsedSeconds(live.status === "live" || live.status === "reconnecting");

  async function run(kind: "start" | "retry" | "continue" | "end") {
    if (pending) return;
    setPending(kind);
    try {
      const act = { start: () => live.start({ ...choices, recording }), retry: live.retry, continue: live.continueConversation, end: live.endPrevious };
      await act[kind]();
    } finally {
      setPending(null);
    }
  }

  const previewSource = live.screenOn ? "screen" : live.cameraOn ? "camera" : null;
  const canType = live.status === "live";
  // Until something is said the transcript only invites: on a phone, Start stays in reach below it.
  const quiet = live.turns.length === 0 && !isInProgress(live.status);

  const persona = personas.find((p) => p.id === choices.personaId) ?? null;

  function changeChoices(next: StartChoices) {
    if (next.voice !== choices.voice && !next.personaId) voice.pick(next.voice);
    setChoices(next);
  }

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-end justify-between gap-x-4 gap-y-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Live</h1>
          <p className="mt-1.5 text-fg-muted">Talk with your companion by voice, camera, screen or text.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <RecordingIndicator wanted={recording} active={live.recording} status={live.status} />
          <LiveStatusPill status={live.status} elapsedSeconds={elapsed} />
        </div>
      </header>

      {live.status === "error" && live.error ? <LiveError message={live.error} limited={live.limited} onRetry={() => void run("retry")} retrying={pending === "retry"} /> : null}
      {live.notice ? <LiveNotice message={live.notice} /> : null}
      {live.toolNote ? (
        <div role="status" className="text-sm text-fg-muted" data-testid="live-tool-note">
          {live.toolSources.length ? (
            <>
              Looked it up <KnowledgeSources sources={live.toolSources} testId="live-knowledge-sources" />
            </>
          ) : (
            live.toolNote
          )}
        </div>
      ) : null}
      {live.resumeOffer ? (
        <LiveResumeOffer onContinue={() => void run("continue")} onEnd={() => void run("end")} pending={pending === "continue" || pending === "end" ? pending : null} />
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18.5rem]">
        {/* First in the page, so a phone shows the conversation before the controls. */}
        <Card
          className={cn(
            "flex min-h-0 flex-col overflow-hidden lg:col-start-1 lg:row-start-1 lg:h-[calc(100dvh-12.5rem)] lg:min-h-[30rem]",
            quiet ? "h-auto" : "h-[max(20rem,calc(100dvh-17rem))] sm:h-[30rem]",
          )}
        >
          {/* Before a conversation a phone shows who it will be in the picker below, keeping Start in reach. */}
          <PersonaStage live={live} persona={persona ?? DEFAULT_STAGE} className={quiet ? "hidden lg:flex" : undefined} />
          <LiveTranscript turns={live.turns} status={live.status} />
          {/* Typing opens once live; until then a phone spends the room on reaching Start. */}
          <div className={quiet ? "hidden lg:contents" : "contents"}>
            <LiveComposer enabled={canType} onSend={live.sendText} />
          </div>
        </Card>

        <aside aria-label="Conversation controls" className="flex flex-col gap-4 lg:col-start-2 lg:row-start-1">
          <div className={cn(!live.previewStream && "hidden lg:block")}>
            <LivePreview stream={live.previewStream} source={previewSource} />
          </div>
          <Card>
            <LiveControls
              live={live}
              choices={choices}
              onChoicesChange={changeChoices}
              onStart={() => void run("start")}
              starting={pending === "start"}
              keyLabel={keyLabel}
              voiceSaved={voice.saved}
              personas={personas}
            />
          </Card>
          {live.status === "ended" && live.sessionId ? (
            <Link href={`/sessions/${live.sessionId}`} className={buttonClasses({ variant: "secondary", className: "w-full" })} data-testid="live-open-replay">
              <History aria-hidden className="size-4" />
              Open replay
            </Link>
          ) : null}
        </aside>
      </div>

      <LiveStatsProbe stats={live.stats} sessionId={live.sessionId} />
    </div>
  );
}
