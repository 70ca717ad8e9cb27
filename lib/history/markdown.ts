import type { ExportedSession } from "./export-format";
import { formatDuration } from "@/lib/format/duration";
import { displayTitle } from "./title";

/* One conversation as a Markdown file a person reads: a header of facts, then who said what, when. */

const STATUS_WORDS: Record<ExportedSession["session"]["status"], string> = {
  IDLE: "Not started",
  CONNECTING: "Never connected",
  ACTIVE: "Still running",
  ENDED: "Ended",
  ERROR: "Ended with an error",
};

function offset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

const latency = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** A line of text as a Markdown paragraph that cannot turn into a heading, list or quote. */
function paragraph(text: string): string {
  return text
    .trim()
    .split(/\n+/)
    .map((line) => line.replace(/^(\s*)([#>*+-]|\d+\.)(\s)/, "$1\\$2$3"))
    .join("  \n");
}

export function sessionMarkdown(exported: ExportedSession, { timeZone = "UTC" }: { timeZone?: string } = {}): string {
  const { session, turns } = exported;
  const firstLine = turns.find((turn) => turn.sender === "user" && turn.text.trim())?.text ?? null;
  const date = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(new Date(session.started_at));
  const facts = [
    `- **Date:** ${date}`,
    session.total_duration_seconds !== null ? `- **Duration:** ${formatDuration(session.total_duration_seconds)}` : null,
    `- **Voice:** ${session.voice}${exported.persona_name ? ` · **Persona:** ${exported.persona_name}` : ""}`,
    `- **Model:** ${session.model}`,
    `- **Status:** ${STATUS_WORDS[session.status]}${session.last_error_message ? ` (${session.last_error_message})` : ""}`,
    `- **Turns:** ${turns.length}`,
    exported.analytics?.response_time_mean_ms != null ? `- **Mean response time:** ${latency(exported.analytics.response_time_mean_ms)}` : null,
  ].filter(Boolean);
  const lines = turns.map((turn) => {
    const who = turn.sender === "user" ? "You" : "Companion";
    const meta = [
      turn.start_offset_ms !== null ? offset(turn.start_offset_ms) : null,
      turn.sender === "model" && turn.latency_ms !== null ? `answered in ${latency(turn.latency_ms)}` : null,
      turn.interrupted ? "interrupted" : null,
    ].filter(Boolean);
    return `**${who}**${meta.length ? ` · ${meta.join(" · ")}` : ""}\n\n${paragraph(turn.text) || "_(nothing heard)_"}`;
  });
  return [
    `# ${displayTitle({ title: session.title, firstLine })}`,
    facts.join("\n"),
    "## Transcript",
    lines.length ? lines.join("\n\n") : "_No words were exchanged._",
    "",
  ].join("\n\n");
}
