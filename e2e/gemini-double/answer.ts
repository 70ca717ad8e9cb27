import { setTimeout as sleep } from "node:timers/promises";
import { chunkPcm, chunkPcmVarying, splitTranscript, synthesizeReply } from "./audio-synth";
import {
  AUDIO_TOKENS_PER_SECOND,
  IMAGE_TOKENS_PER_FRAME,
  OUTPUT_AUDIO_MIME,
  OUTPUT_SAMPLE_RATE,
  TEXT_CHARS_PER_TOKEN,
} from "./constants";
import type { Conversation } from "./conversations";
import type { TurnPlan } from "./script";

/*
 * One model answer, streamed the way the Live service streams it: the user's input
 * transcription in fragments, then `modelTurn` audio chunks of 25–62 ms, output transcription
 * fragments riding in the same `serverContent` as the audio they belong to,
 * `generationComplete`, and `turnComplete` carrying `usageMetadata`. `interrupt()` stops it at
 * once and sends `interrupted: true` instead of a turnComplete.
 */

export type ServerMessage = Record<string, unknown>;

/** What the user contributed since the previous answer, for token accounting. */
export interface PendingInput {
  audioMs: number;
  textChars: number;
  imageFrames: number;
}

export interface AnswerOptions {
  plan: TurnPlan;
  /** Audio turns get an input transcription (if the setup asked for one); typed turns do not. */
  fromAudio: boolean;
  inputTranscription: boolean;
  /** Trailing input fragments sent after the first audio chunk instead of before the answer. */
  lateInputFragments: number;
  outputTranscription: boolean;
  textOnly: boolean;
  /** A fixed audio chunk length; when absent, chunks vary between 25 and 62 ms like the service's. */
  chunkMs: number | undefined;
  /** Seeds the varying chunk lengths. */
  seed: number;
  pace: number;
  responseDelayMs: number;
  input: PendingInput;
  conversation: Conversation;
  send: (message: ServerMessage) => void;
  /** Right before the first model message: the model is generating from here on. */
  onGenerating: () => void;
  /** After each audio chunk; `sentMs` is the answer's audio sent so far. */
  onAudioChunk: (sentMs: number) => void;
  /** Sends the plan's toolCall and resolves with the client's toolResponse `response`. */
  callTool?: (call: { name: string; args: Record<string, unknown> }, signal: AbortSignal) => Promise<unknown>;
}

/** What the double "says" after a tool answered: the memories it got back, or the raw answer. */
export function describeToolResult(result: unknown): string {
  const value = (result ?? {}) as { memories?: { content?: string }[]; saved?: string; forgotten?: string[]; passages?: { document?: string; page?: number | null; text?: string }[] };
  if (Array.isArray(value.passages)) {
    const [first] = value.passages;
    return first ? `According to ${first.document}${first.page ? `, page ${first.page}` : ""}: ${first.text}` : "I found nothing about that in your documents.";
  }
  if (Array.isArray(value.memories)) {
    return value.memories.length ? `I remember: ${value.memories.map((memory) => memory.content).join("; ")}.` : "I don't remember anything about that.";
  }
  if (typeof value.saved === "string") return `Got it, I'll remember that: ${value.saved}.`;
  if (Array.isArray(value.forgotten)) return value.forgotten.length ? `Done, I forgot: ${value.forgotten.join("; ")}.` : "There was nothing to forget.";
  return `The tool answered ${JSON.stringify(result).slice(0, 200)}.`;
}

const tokens = (value: number) => Math.ceil(value);

/** The user's input joins the conversation's context whether or not the answer completes. */
function absorbInput(conversation: Conversation, input: PendingInput): void {
  const context = conversation.contextTokens;
  context.audio += tokens((input.audioMs / 1000) * AUDIO_TOKENS_PER_SECOND);
  context.text += tokens(input.textChars / TEXT_CHARS_PER_TOKEN);
  context.image += input.imageFrames * IMAGE_TOKENS_PER_FRAME;
}

function usageMetadata(conversation: Conversation, input: PendingInput, responseTokens: number, textOnly: boolean) {
  absorbInput(conversation, input);
  const context = conversation.contextTokens;
  const promptTokenCount = context.text + context.audio + context.image;
  const promptTokensDetails = [
    { modality: "TEXT", tokenCount: context.text },
    ...(context.audio > 0 ? [{ modality: "AUDIO", tokenCount: context.audio }] : []),
    ...(context.image > 0 ? [{ modality: "IMAGE", tokenCount: context.image }] : []),
  ];
  // The answer becomes part of the next turn's prompt.
  if (textOnly) context.text += responseTokens;
  else context.audio += responseTokens;
  return {
    promptTokenCount,
    responseTokenCount: responseTokens,
    totalTokenCount: promptTokenCount + responseTokens,
    promptTokensDetails,
    responseTokensDetails: [{ modality: textOnly ? "TEXT" : "AUDIO", tokenCount: responseTokens }],
  };
}

export class Answer {
  private readonly abort = new AbortController();
  private finished = false;
  /** Resolves when the answer completed or was interrupted. */
  readonly done: Promise<"completed" | "interrupted" | "cancelled">;

  constructor(private readonly options: AnswerOptions) {
    this.done = this.run().catch((error: unknown) => {
      if (this.abort.signal.aborted) return this.abort.signal.reason as "interrupted" | "cancelled";
      throw error;
    });
  }

  get active(): boolean {
    return !this.finished;
  }

  /** User speech over the answer: stop now and tell the client. */
  interrupt(): void {
    if (this.finished) return;
    this.finished = true;
    this.abort.abort("interrupted");
    absorbInput(this.options.conversation, this.options.input);
    this.options.send({ serverContent: { interrupted: true } });
  }

  /** The connection went away: stop without a word. */
  cancel(): void {
    if (this.finished) return;
    this.finished = true;
    this.abort.abort("cancelled");
  }

  private async run(): Promise<"completed"> {
    const o = this.options;
    const signal = this.abort.signal;
    const heard = o.fromAudio && o.inputTranscription ? splitTranscript(o.plan.inputTranscript, 3) : [];
    const lateHeard = heard.splice(heard.length - Math.min(o.lateInputFragments, heard.length));
    for (const text of heard) {
      o.send({ serverContent: { inputTranscription: { text } } });
      await sleep(o.responseDelayMs / heard.length, undefined, { signal });
    }
    if (heard.length === 0) await sleep(o.responseDelayMs, undefined, { signal });

    let replyText = o.plan.replyText;
    if (o.plan.toolCall && o.callTool) replyText = describeToolResult(await o.callTool(o.plan.toolCall, signal));

    o.onGenerating();
    const pcm = o.textOnly ? Buffer.alloc(0) : synthesizeReply(o.plan.replyAudioMs);
    const audioChunks = o.textOnly ? [] : o.chunkMs ? chunkPcm(pcm, o.chunkMs) : chunkPcmVarying(pcm, o.seed);
    const fragments = splitTranscript(replyText, o.textOnly ? 4 : Math.max(1, audioChunks.length));
    const steps = Math.max(1, audioChunks.length, o.textOnly ? fragments.length : 0);
    // Each fragment rides with the chunk it is spoken in: spread evenly over the audio.
    const textAt = new Map<number, string>();
    for (const [index, fragment] of fragments.entries()) {
      const step = Math.floor((index * steps) / fragments.length);
      textAt.set(step, (textAt.get(step) ?? "") + fragment);
    }
    let sentMs = 0;
    // Paced against one clock from the first chunk: sleeping a chunk's length after each send
    // would add every timer's lateness, and the answer would fall behind real time as it goes.
    const startedAt = performance.now();
    let dueMs = 0;
    for (let step = 0; step < steps; step += 1) {
      const chunk = audioChunks[step];
      const fragment = textAt.get(step);
      const content: ServerMessage = {};
      if (chunk) content.modelTurn = { parts: [{ inlineData: { mimeType: OUTPUT_AUDIO_MIME, data: chunk.toString("base64") } }] };
      if (fragment !== undefined && o.textOnly) content.modelTurn = { parts: [{ text: fragment }] };
      else if (fragment !== undefined && o.outputTranscription) content.outputTranscription = { text: fragment };
      if (Object.keys(content).length > 0) o.send({ serverContent: content });
      for (const text of lateHeard.splice(0)) o.send({ serverContent: { inputTranscription: { text } } });
      const stepMs = chunk ? chunk.length / 2 / (OUTPUT_SAMPLE_RATE / 1000) : (o.chunkMs ?? 40);
      if (chunk) {
        sentMs += stepMs;
        o.onAudioChunk(sentMs);
      }
      dueMs += stepMs * o.pace;
      await sleep(Math.max(0, startedAt + dueMs - performance.now()), undefined, { signal });
    }

    const responseTokens = o.textOnly
      ? tokens(replyText.length / TEXT_CHARS_PER_TOKEN)
      : tokens((o.plan.replyAudioMs / 1000) * AUDIO_TOKENS_PER_SECOND);
    this.finished = true;
    o.send({ serverContent: { generationComplete: true } });
    o.send({
      serverContent: { turnComplete: true },
      usageMetadata: usageMetadata(o.conversation, o.input, responseTokens, o.textOnly),
    });
    return "completed";
  }
}
