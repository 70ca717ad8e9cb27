/* Conversations open right now, as the Admin dashboard shows them: metadata only. */

export interface ActiveSession {
  sessionId: string;
  userId: string;
  name: string;
  email: string;
  status: "CONNECTING" | "ACTIVE";
  model: string;
  voice: string;
  startedAt: Date;
  lastActivityAt: Date;
}

export interface ActiveSessionsNow {
  count: number;
  sessions: ActiveSession[];
  asOf: Date;
}

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends (infer U)[] ? Serialized<U>[] : T[K] };

/** What the polling route sends and the server render hands the client: dates as ISO strings. */
export type ActiveSessionsView = Serialized<ActiveSessionsNow>;

export function toActiveSessionsView(active: ActiveSessionsNow): ActiveSessionsView {
  return {
    count: active.count,
    asOf: active.asOf.toISOString(),
    sessions: active.sessions.map((s) => ({ ...s, startedAt: s.startedAt.toISOString(), lastActivityAt: s.lastActivityAt.toISOString() })),
  };
}
