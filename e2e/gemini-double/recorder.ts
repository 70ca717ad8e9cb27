/*
 * Everything the double received (and the notable things it sent), as plain JSON so a
 * Playwright test in another process can read it from `GET /__double/received`.
 */

export interface ConnectionRecord {
  id: number;
  /** `key` (API key in the URL) or `token` (ephemeral `auth_tokens/…`). */
  auth: "key" | "token";
  apiVersion: string;
  tokenName: string | null;
  conversationId: number | null;
  /** The handle the setup asked to resume from, if any. */
  resumedFromHandle: string | null;
  /** The `setup` message as received. */
  setup: Record<string, unknown> | null;
  model: string | null;
  openedAt: string;
  closedAt: string | null;
  /** Close code and reason, whoever closed. */
  closeCode: number | null;
  closeReason: string | null;
  closedBy: "client" | "double" | null;
  messages: number;
  audioChunks: number;
  audioBytes: number;
  /** Received audio duration (from sample counts and the mime type's rate). */
  audioMs: number;
  audioMimeTypes: string[];
  /** Of the audio chunks, how many came as legacy `mediaChunks`. */
  legacyMediaChunks: number;
  videoFrames: number;
  videoBytes: number;
  videoMimeTypes: string[];
  texts: string[];
  clientContents: number;
  /** Live tool calls the double sent, and the toolResponses it got back (as received). */
  toolCalls: { id: string; name: string; args: Record<string, unknown> }[];
  toolResponses: unknown[];
  audioStreamEnds: number;
  activityStarts: number;
  activityEnds: number;
  /** What the double did on this connection. */
  userTurns: number;
  turnsCompleted: number;
  interruptions: number;
  modelAudioChunksSent: number;
  goAwaysSent: number;
  resumptionUpdatesSent: number;
  /** The newest handle sent with `resumable: true` (updates while generating carry none). */
  lastResumableHandle: string | null;
}

export interface RestRecord {
  method: string;
  path: string;
  status: number;
  /** A speech (TTS) generateContent call: the voice asked for and the text read. */
  speech?: { voice: string | null; text: string };
}

export interface ReceivedSnapshot {
  connections: ConnectionRecord[];
  rest: RestRecord[];
  authTokensMinted: number;
  totals: {
    connections: number;
    setups: number;
    audioChunks: number;
    audioBytes: number;
    audioMs: number;
    videoFrames: number;
    videoBytes: number;
    texts: string[];
    clientContents: number;
    audioStreamEnds: number;
    turnsCompleted: number;
    interruptions: number;
    goAwaysSent: number;
  };
}

export type ConnectionInit = Pick<ConnectionRecord, "id" | "auth" | "apiVersion" | "tokenName">;

function emptyRecord(init: ConnectionInit): ConnectionRecord {
  return {
    ...init,
    conversationId: null,
    resumedFromHandle: null,
    setup: null,
    model: null,
    openedAt: new Date().toISOString(),
    closedAt: null,
    closeCode: null,
    closeReason: null,
    closedBy: null,
    messages: 0,
    audioChunks: 0,
    audioBytes: 0,
    audioMs: 0,
    audioMimeTypes: [],
    legacyMediaChunks: 0,
    videoFrames: 0,
    videoBytes: 0,
    videoMimeTypes: [],
    texts: [],
    clientContents: 0,
    toolCalls: [],
    toolResponses: [],
    audioStreamEnds: 0,
    activityStarts: 0,
    activityEnds: 0,
    userTurns: 0,
    turnsCompleted: 0,
    interruptions: 0,
    modelAudioChunksSent: 0,
    goAwaysSent: 0,
    resumptionUpdatesSent: 0,
    lastResumableHandle: null,
  };
}

export class Recorder {
  private records = new Map<number, ConnectionRecord>();
  private rest: RestRecord[] = [];
  private minted = 0;

  /** Bumped by reset(): connections opened before it are no longer recorded. */
  generation = 0;

  /** The record of a connection opened in `generation` (a detached one for older connections). */
  connection(init: ConnectionInit, generation: number): ConnectionRecord {
    if (generation !== this.generation) return emptyRecord(init);
    let record = this.records.get(init.id);
    if (!record) {
      record = emptyRecord(init);
      this.records.set(init.id, record);
    }
    return record;
  }

  restCall(record: RestRecord): void {
    this.rest.push(record);
  }

  tokenMinted(): void {
    this.minted += 1;
  }

  reset(): void {
    this.generation += 1;
    this.records = new Map();
    this.rest = [];
    this.minted = 0;
  }

  snapshot(): ReceivedSnapshot {
    const connections = structuredClone([...this.records.values()]);
    const sum = (pick: (record: ConnectionRecord) => number) =>
      connections.reduce((total, record) => total + pick(record), 0);
    return {
      connections,
      rest: structuredClone(this.rest),
      authTokensMinted: this.minted,
      totals: {
        connections: connections.length,
        setups: connections.filter((record) => record.setup !== null).length,
        audioChunks: sum((r) => r.audioChunks),
        audioBytes: sum((r) => r.audioBytes),
        audioMs: Math.round(sum((r) => r.audioMs)),
        videoFrames: sum((r) => r.videoFrames),
        videoBytes: sum((r) => r.videoBytes),
        texts: connections.flatMap((r) => r.texts),
        clientContents: sum((r) => r.clientContents),
        audioStreamEnds: sum((r) => r.audioStreamEnds),
        turnsCompleted: sum((r) => r.turnsCompleted),
        interruptions: sum((r) => r.interruptions),
        goAwaysSent: sum((r) => r.goAwaysSent),
      },
    };
  }
}
