import { expect, type APIRequestContext } from "@playwright/test";

/*
 * What the app stored for a conversation, read through `GET /api/live/sessions/:id` as the
 * signed-in owner (the embedded database belongs to the app process).
 */

export interface StoredTurn {
  sender: "user" | "model";
  text: string;
  transcriptionType: "input" | "output";
  sequenceNumber: number;
  startOffsetMs: number | null;
  endOffsetMs: number | null;
  latencyMs: number | null;
  interrupted: boolean;
  inputTokens: number | null;
  outputTokens: number | null;
  heardMs: number | null;
}

export interface StoredSession {
  session: {
    id: string;
    status: "IDLE" | "CONNECTING" | "ACTIVE" | "ENDED" | "ERROR";
    cameraEnabled: boolean;
    micEnabled: boolean;
    endedAt: string | null;
    lastErrorMessage: string | null;
    totalDurationSeconds: number | null;
  };
  turns: StoredTurn[];
  analytics: {
    userMessageCount: number;
    modelMessageCount: number;
    audioSeconds: number;
    videoFrameCount: number;
    responseTimeMeanMs: number | null;
    responseTimeP95Ms: number | null;
    interruptionCount: number;
    errorCount: number;
    tokensIn: number;
    tokensOut: number;
    metadata: Record<string, unknown>;
  } | null;
}

export async function storedSession(api: APIRequestContext, sessionId: string, baseUrl?: string): Promise<StoredSession> {
  const response = await api.get(`${baseUrl ?? ""}/api/live/sessions/${sessionId}`);
  const text = await response.text();
  expect(response.status(), `GET /api/live/sessions/${sessionId}: ${text}`).toBe(200);
  return JSON.parse(text) as StoredSession;
}

/** Sequence numbers are 0, 1, 2… with no gap and no repeat. */
export function expectContiguous(turns: StoredTurn[]): void {
  expect(turns.map((turn) => turn.sequenceNumber)).toEqual(turns.map((_, index) => index));
}

/**
 * Every user turn the double answered is stored once, followed by the model's answer, and every
 * answer the double completed is stored as a finished (not interrupted) model turn.
 */
export function expectMatchesDouble(turns: StoredTurn[], double: { userTurns: number; turnsCompleted: number }): void {
  const user = turns.filter((turn) => turn.sender === "user");
  const completed = turns.filter((turn) => turn.sender === "model" && !turn.interrupted);
  expect(user, "stored user turns vs. the double's").toHaveLength(double.userTurns);
  expect(completed, "stored completed model turns vs. the double's").toHaveLength(double.turnsCompleted);
}
