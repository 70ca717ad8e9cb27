/*
 * The export file: `{ format, version, exported_at, user, sessions: [...] }`, every session as
 * Postgres stored it (snake_case columns, ISO timestamps). One session or all of them, the
 * shape is the same, so one reader handles both.
 */

export const EXPORT_FORMAT = "livemind-export";
export const EXPORT_VERSION = 1;

export interface ExportedTurn {
  id: string;
  session_id: string;
  sender: "user" | "model";
  text: string;
  transcription_type: "input" | "output";
  sequence_number: number;
  timestamp: string;
  start_offset_ms: number | null;
  end_offset_ms: number | null;
  latency_ms: number | null;
  interrupted: boolean;
  input_tokens: number | null;
  output_tokens: number | null;
  heard_ms: number | null;
}

export interface ExportedSession {
  session: {
    id: string;
    user_id: string;
    status: "IDLE" | "CONNECTING" | "ACTIVE" | "ENDED" | "ERROR";
    model: string;
    voice: string;
    persona_id: string | null;
    camera_enabled: boolean;
    mic_enabled: boolean;
    system_instruction: string | null;
    title: string | null;
    started_at: string;
    ended_at: string | null;
    last_activity_at: string;
    last_error_message: string | null;
    total_duration_seconds: number | null;
    created_at: string;
    updated_at: string;
  };
  persona_name: string | null;
  turns: ExportedTurn[];
  analytics: ({ response_time_mean_ms: number | null } & Record<string, unknown>) | null;
  audio_segments: Record<string, unknown>[];
  video_frames: Record<string, unknown>[];
  /** What the companion learned from this conversation (current and superseded), without embeddings. */
  memories: Record<string, unknown>[];
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exported_at: string;
  user: { id: string; name: string; email: string };
  /** In "export everything" only: the personas with their documents listed (no file bytes). */
  personas?: Record<string, unknown>[];
  /** In "export everything" only: memories that no conversation of the file is the source of. */
  memories_without_conversation?: Record<string, unknown>[];
  sessions: ExportedSession[];
}

/**
 * The file as a stream: the header (with `account`, a JSON object text of account-wide fields,
 * if given), then each session's JSON text as the database produces it.
 */
export function exportJsonStream(
  { user, now = new Date(), account }: { user: { id: string; name: string; email: string }; now?: Date; account?: string },
  sessions: AsyncIterable<string>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const fields = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exported_at: now.toISOString(), user: { id: user.id, name: user.name, email: user.email } });
  const extra = account?.trim().slice(1, -1).trim();
  const header = extra ? `${fields.slice(0, -1)},${extra}}` : fields;
  const iterator = sessions[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${header.slice(0, -1)},"sessions":[`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode("]}\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`${first ? "" : ","}\n${next.value}`));
      first = false;
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** `attachment; filename=…` with an ASCII name and the exact one for browsers that read it. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** `livemind-trip-plans-2030-03-01.md`: a file name from a title and a date. */
export function exportFileName(title: string, startedAt: string, extension: "md" | "json"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `livemind-${slug || "conversation"}-${startedAt.slice(0, 10)}.${extension}`;
}
