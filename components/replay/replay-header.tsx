import { ArrowLeft, CircleAlert } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";
import { KnowledgeSources, type SourceRef } from "@/components/knowledge/knowledge-sources";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { formatLatency } from "@/components/live/format";
import { Badge } from "@/components/ui/badge";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { formatDuration } from "@/lib/format/duration";

export type ReplayStatus = "IDLE" | "CONNECTING" | "ACTIVE" | "ENDED" | "ERROR";

export interface ReplaySummary {
  title: string;
  startedAt: string;
  durationSeconds: number | null;
  status: ReplayStatus;
  errorMessage: string | null;
  model: string;
  voice: string;
  personaName: string | null;
  /** The persona's face as it is now, while it still exists (a deleted one keeps only its name). */
  personaAvatar?: { personaId: string; initials: string; color: string; pictureVersion: number | null } | null;
  turnCount: number;
  meanResponseMs: number | null;
  recorded: { audio: boolean; frames: number };
  /** The AI summary written after the conversation (memory job), if any. */
  aiSummary?: string | null;
  /** "Don't remember this conversation" was on. */
  memoryOptOut?: boolean;
  /** The memory tools used mid-talk, compactly ("Recalled 2 memories"). */
  toolUses?: string[];
  /** search_knowledge uses: "Looked it up from Menu.pdf, page 3", with the passages each cited (openable). */
  knowledgeSources?: Array<{ summary: string; sources: SourceRef[] | null }>;
}

const statusBadge: Record<ReplayStatus, { label: string; tone: "neutral" | "accent" | "success" | "danger" }> = {
  IDLE: { label: "Not started", tone: "neutral" },
  CONNECTING: { label: "In progress", tone: "accent" },
  ACTIVE: { label: "In progress", tone: "accent" },
  ENDED: { label: "Ended", tone: "success" },
  ERROR: { label: "Error", tone: "danger" },
};

export function ReplayHeader({ summary }: { summary: ReplaySummary }) {
  const badge = statusBadge[summary.status];
  const facts: { label: string; value: string; testId: string }[] = [
    { label: "Duration", value: summary.durationSeconds === null ? "—" : formatDuration(summary.durationSeconds), testId: "replay-duration" },
    { label: "Turns", value: String(summary.turnCount), testId: "replay-turn-count" },
    { label: "Mean response", value: summary.meanResponseMs === null ? "—" : formatLatency(summary.meanResponseMs), testId: "replay-mean-response" },
    { label: "Voice", value: summary.voice, testId: "replay-voice" },
    { label: "Persona", value: summary.personaName ?? "Default", testId: "replay-persona" },
    { label: "Model", value: summary.model, testId: "replay-model" },
  ];
  const recorded = summary.recorded.audio
    ? summary.recorded.frames > 0
      ? "Audio and camera recorded"
      : "Audio recorded"
    : summary.recorded.frames > 0
      ? "Camera frames recorded"
      : "Transcript only";

  return (
    <header className="mb-6 sm:mb-8" data-testid="replay-header" data-status={summary.status}>
      <Link href="/sessions" className="inline-flex items-center gap-1.5 text-sm font-medium text-fg-muted hover:text-fg" data-testid="replay-back">
        <ArrowLeft aria-hidden className="size-4" />
        Back to sessions
      </Link>
      <div className="mt-3 flex flex-wrap items-start gap-x-3 gap-y-2">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words sm:text-3xl" data-testid="replay-title">
          {summary.title}
        </h1>
        <Badge tone={badge.tone} className="mt-1.5 sm:mt-2.5" data-testid="replay-status">
          {badge.label}
        </Badge>
        {summary.memoryOptOut ? (
          <Badge className="mt-1.5 sm:mt-2.5" data-testid="replay-memory-opt-out">
            Not remembered
          </Badge>
        ) : null}
      </div>
      {summary.toolUses?.length ? (
        <p className="mt-1.5 text-sm text-fg-muted" data-testid="replay-tool-uses">
          Memory: {summary.toolUses.join(" · ")}
        </p>
      ) : null}
      {summary.knowledgeSources?.length ? (
        // A <div>, not a <p>: each source brings its <dialog>, which may not sit inside a paragraph.
        <div className="mt-1.5 text-sm text-fg-muted" data-testid="replay-knowledge-sources">
          Knowledge:{" "}
          {summary.knowledgeSources.map((use, i) => (
            <Fragment key={i}>
              {i > 0 ? <span aria-hidden> · </span> : null}
              {use.sources?.length ? (
                <>
                  Looked it up <KnowledgeSources sources={use.sources} />
                </>
              ) : (
                use.summary
              )}
            </Fragment>
          ))}
        </div>
      ) : null}
      {summary.aiSummary ? (
        <p className="mt-2 max-w-3xl text-fg" data-testid="replay-summary">
          {summary.aiSummary}
        </p>
      ) : null}
      <p className="mt-1.5 text-fg-muted">
        <LocalDateTime iso={summary.startedAt} testId="replay-date" />
        <span aria-hidden> · </span>
        {recorded}
      </p>
      {summary.status === "ERROR" && summary.errorMessage ? (
        <p className="mt-3 flex items-start gap-2 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger" data-testid="replay-error-message">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {summary.errorMessage}
        </p>
      ) : null}
      <dl className="mt-5 grid grid-cols-2 gap-px overflow-hidden rounded-2xl border border-border bg-border sm:grid-cols-3 lg:grid-cols-6">
        {facts.map((fact) => (
          <div key={fact.label} className="min-w-0 bg-surface px-4 py-3">
            <dt className="text-xs text-fg-muted">{fact.label}</dt>
            <dd className="mt-0.5 flex min-w-0 items-center gap-1.5 font-medium text-fg" title={fact.value}>
              {fact.testId === "replay-persona" && summary.personaAvatar ? (
                <PersonaAvatar
                  name={fact.value}
                  initials={summary.personaAvatar.initials}
                  color={summary.personaAvatar.color}
                  picture={{ personaId: summary.personaAvatar.personaId, version: summary.personaAvatar.pictureVersion }}
                  size="xs"
                />
              ) : null}
              <span className="truncate" data-testid={fact.testId}>
                {fact.value}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
