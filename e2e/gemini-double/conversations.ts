import { randomBytes } from "node:crypto";

/*
 * A conversation outlives its connections: `sessionResumptionUpdate.newHandle` names it, and a
 * later setup with `sessionResumption.handle` continues it (turn counter and token context).
 */

export interface Conversation {
  id: number;
  model: string;
  turns: number;
  /** Tokens of everything said so far: each turn's prompt includes the whole context. */
  contextTokens: { text: number; audio: number; image: number };
}

export class Conversations {
  private nextId = 1;
  private readonly byHandle = new Map<string, Conversation>();

  start(model: string): Conversation {
    const id = this.nextId;
    this.nextId += 1;
    return { id, model, turns: 0, contextTokens: { text: 0, audio: 0, image: 0 } };
  }

  /** The conversation an issued handle names, or null for an unknown handle. */
  resume(handle: string): Conversation | null {
    return this.byHandle.get(handle) ?? null;
  }

  issueHandle(conversation: Conversation): string {
    const handle = `double-resume-${conversation.id}-${randomBytes(12).toString("hex")}`;
    this.byHandle.set(handle, conversation);
    return handle;
  }

  clear(): void {
    this.byHandle.clear();
  }
}
