import { z } from "zod";
import { DEFAULT_INPUT_TRANSCRIPT, DEFAULT_REPLY_AUDIO_MS, DEFAULT_REPLY_TEXT } from "./constants";

/*
 * Scripted behaviour of the double. A script replaces the previous one whole; every field is
 * optional and falls back to the defaults below. Turn numbers count per conversation (a
 * resumed connection continues its conversation's count), starting at 0.
 */

const turnScript = z.strictObject({
  /** Input transcription of an audio turn (typed turns get none, like the service). */
  inputTranscript: z.string().optional(),
  replyText: z.string().optional(),
  replyAudioMs: z.number().int().min(0).max(60_000).optional(),
});

export const doubleScript = z.strictObject({
  /** Per-turn overrides, indexed by the conversation's turn number. */
  turns: z.array(turnScript).optional(),
  inputTranscript: z.string().optional(),
  replyText: z.string().optional(),
  replyAudioMs: z.number().int().min(0).max(60_000).optional(),
  /** Audio per `modelTurn` message; unset, chunks vary between 25 and 62 ms as the service's do. */
  chunkMs: z.number().int().min(10).max(5_000).optional(),
  /** 1 = model audio is sent in real time; 0 = as fast as possible; 0.5 = twice as fast. */
  pace: z.number().min(0).max(10).optional(),
  /** Delay from end of the user's turn to the first answer message ("thinking"). */
  responseDelayMs: z.number().int().min(0).max(30_000).optional(),
  /**
   * How many of the input transcription's last fragments arrive after the answer's first audio,
   * as the service's often do (0–3; the transcript is sent in 3 fragments).
   */
  lateInputFragments: z.number().int().min(0).max(3).optional(),
  /** Quiet after speech (in received audio) that ends a user turn. */
  silenceMs: z.number().int().min(100).max(10_000).optional(),
  /** RMS threshold of the voice detector (full scale 1). */
  vadThreshold: z.number().min(0.0001).max(1).optional(),
  /** After this many completed turns on one connection: `goAway`, then close. */
  goAwayAfterTurns: z.number().int().min(0).optional(),
  /**
   * `goAway` in the middle of an answer, as the service sends it when a connection reaches its
   * limit: once `afterMs` of the answer to conversation turn `turn` has been sent.
   */
  goAwayDuringAnswer: z
    .strictObject({ turn: z.number().int().min(0).default(0), afterMs: z.number().int().min(0).max(60_000) })
    .optional(),
  /** `goAway.timeLeft`, a protobuf Duration string. */
  goAwayTimeLeft: z.string().regex(/^\d+(\.\d+)?s$/).optional(),
  /** When the connection closes after a goAway; unset, when `timeLeft` runs out, like the service. */
  goAwayCloseDelayMs: z.number().int().min(0).max(60_000).optional(),
  /**
   * A Live tool call: when a user turn's transcript contains `phrase`, the double sends
   * `toolCall` with `name` and `args`, waits for the `toolResponse`, and speaks an answer that
   * includes what came back.
   */
  toolCall: z
    .strictObject({ phrase: z.string().min(1), name: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) })
    .optional(),
  /** generateContent / embedContent answer 503 UNAVAILABLE while true (a model outage). */
  textOutage: z.boolean().optional(),
  /** This many generateContent calls (from when the script is set) answer with broken JSON. */
  malformedJson: z.number().int().min(0).max(100).optional(),
  /** Close the connection with this code after `afterTurns` completed turns (0 = right after setup). */
  closeWith: z
    .strictObject({
      code: z.union([z.literal(1007), z.literal(1008), z.literal(1011)]),
      reason: z.string().max(120),
      afterTurns: z.number().int().min(0).default(0),
    })
    .optional(),
});

export type DoubleScript = z.input<typeof doubleScript>;
export type ParsedScript = z.output<typeof doubleScript>;

export const DEFAULT_SCRIPT_VALUES = {
  inputTranscript: DEFAULT_INPUT_TRANSCRIPT,
  replyText: DEFAULT_REPLY_TEXT,
  replyAudioMs: DEFAULT_REPLY_AUDIO_MS,
  pace: 1,
  responseDelayMs: 150,
  silenceMs: 600,
  vadThreshold: 0.02,
  goAwayTimeLeft: "5s",
} as const;

/** A protobuf Duration string ("5s", "0.5s") in ms. */
export function durationMs(duration: string): number {
  return Math.round(Number.parseFloat(duration) * 1000);
}

export interface TurnPlan {
  inputTranscript: string;
  replyText: string;
  replyAudioMs: number;
  toolCall?: { name: string; args: Record<string, unknown> };
}

export function parseScript(input: unknown): ParsedScript {
  return doubleScript.parse(input ?? {});
}

export function planTurn(script: ParsedScript, turnIndex: number): TurnPlan {
  const turn = script.turns?.[turnIndex];
  const inputTranscript = turn?.inputTranscript ?? script.inputTranscript ?? DEFAULT_SCRIPT_VALUES.inputTranscript;
  const tool = script.toolCall;
  return {
    inputTranscript,
    replyText: turn?.replyText ?? script.replyText ?? DEFAULT_SCRIPT_VALUES.replyText,
    replyAudioMs: turn?.replyAudioMs ?? script.replyAudioMs ?? DEFAULT_SCRIPT_VALUES.replyAudioMs,
    ...(tool && inputTranscript.toLowerCase().includes(tool.phrase.toLowerCase()) ? { toolCall: { name: tool.name, args: tool.args } } : {}),
  };
}

export function scriptValue<K extends keyof typeof DEFAULT_SCRIPT_VALUES>(
  script: ParsedScript,
  key: K,
): NonNullable<ParsedScript[K]> | (typeof DEFAULT_SCRIPT_VALUES)[K] {
  return (script[key] ?? DEFAULT_SCRIPT_VALUES[key]) as NonNullable<ParsedScript[K]>;
}
