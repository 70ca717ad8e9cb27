import { z } from "zod";
import { checkCustomRange, rangeShape } from "@/lib/analytics/range";
import { isValidTimeZone } from "@/lib/analytics/time-zone";
import { historyFilterFields } from "@/lib/history/filters";
import { searchQuery as searchText } from "@/lib/history/search-query";
import { MEMORY_CONTENT_MAX } from "@/lib/memory/actions-input";
import { storableText } from "@/lib/validation/columns";

/*
 * The zod schemas of the public API: the routes validate their input with them, the tests check
 * answers against them, and the OpenAPI document (openapi.ts) is generated from them. One source.
 */

const cursor = z.string().max(400).optional().meta({ description: "The `nextCursor` of the previous page." });
const limit = z.coerce.number().int().min(1).max(100).optional().meta({ description: "Items per page (1–100, default 20)." });

export const listSessionsQuery = z.strictObject({
  status: historyFilterFields.status,
  from: historyFilterFields.from.meta({ description: "First day (YYYY-MM-DD), in `tz`." }),
  to: historyFilterFields.to.meta({ description: "Last day (YYYY-MM-DD), in `tz`." }),
  tz: historyFilterFields.tz.meta({ description: "IANA time zone the days are counted in (default UTC)." }),
  cursor,
  limit,
});

export const searchQuery = z.strictObject({
  q: searchText.pipe(z.string().min(1, "Type something to search for.")).meta({ description: 'Web search syntax: words, "a phrase", -without, or.' }),
  status: historyFilterFields.status,
  from: historyFilterFields.from,
  to: historyFilterFields.to,
  tz: historyFilterFields.tz,
  cursor,
  limit,
});

export const exportQuery = z.strictObject({
  format: z.enum(["json", "md"]).default("json").meta({ description: "json: every stored field; md: a readable transcript." }),
  tz: historyFilterFields.tz,
});

export const insightsQuery = z
  .strictObject({
    ...rangeShape,
    tz: z.string().refine(isValidTimeZone, "Not a time zone this server knows.").default("UTC"),
  })
  // The range rules of the Insights page: custom needs both ends, in order, at most a year.
  .superRefine(checkCustomRange)
  .meta({ description: "`range` is 7d, 30d, 90d or custom (with from and to)." });

export const sessionIdParams = z.strictObject({ id: z.string().meta({ description: "The conversation's id (a UUID)." }) });
export const noParams = z.strictObject({});

export const errorBody = z
  .object({
    code: z.string().meta({ description: "Stable `type:surface` code, e.g. `not_found:session`, `forbidden:api`." }),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    retryAfterSeconds: z.number().int().optional().meta({ description: "With a 429: seconds until a retry can succeed (also in `Retry-After`)." }),
  })
  .meta({ id: "Error" });

const status = z.enum(["IDLE", "CONNECTING", "ACTIVE", "ENDED", "ERROR"]);

export const sessionListItem = z
  .object({
    id: z.uuid(),
    title: z.string().nullable(),
    summary: z.string().nullable().meta({ description: "The AI summary written after the conversation; null until then, or when memory is off." }),
    firstLine: z.string().nullable(),
    startedAt: z.string(),
    durationSeconds: z.number().int().nullable(),
    turnCount: z.number().int(),
    voice: z.string(),
    personaName: z.string().nullable(),
    model: z.string(),
    status,
    hasAudio: z.boolean(),
  })
  .meta({ id: "SessionListItem" });

const page = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

export const sessionPage = page(sessionListItem, "SessionPage");

export const searchHit = z
  .object({
    id: z.uuid().meta({ description: "The matching line's id, or the conversation's for a summary match." }),
    match: z.enum(["line", "summary"]).meta({ description: "A transcript line, or the conversation's title or AI summary (then the line fields are null)." }),
    sessionId: z.uuid(),
    sessionTitle: z.string().nullable(),
    personaName: z.string().nullable().meta({ description: "The persona the conversation was with, as named then; null for the default companion." }),
    firstLine: z.string().nullable(),
    startedAt: z.string(),
    sequenceNumber: z.number().int().nullable(),
    sender: z.enum(["user", "model"]).nullable(),
    startOffsetMs: z.number().nullable(),
    snippet: z.string().meta({ description: "The line (or summary) around the match; matched words between U+E000 and U+E001." }),
  })
  .meta({ id: "SearchHit" });

export const searchPage = page(searchHit, "SearchPage");

export const turn = z
  .object({
    sequenceNumber: z.number().int(),
    sender: z.enum(["user", "model"]),
    text: z.string(),
    timestamp: z.string(),
    startOffsetMs: z.number().nullable(),
    endOffsetMs: z.number().nullable(),
    latencyMs: z.number().nullable(),
    heardMs: z.number().nullable(),
    interrupted: z.boolean(),
  })
  .meta({ id: "Turn" });

export const sessionDetail = z
  .object({
    session: z.object({
      id: z.uuid(),
      title: z.string().nullable(),
      status,
      model: z.string(),
      voice: z.string(),
      personaId: z.uuid().nullable(),
      cameraEnabled: z.boolean(),
      micEnabled: z.boolean(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      durationSeconds: z.number().int().nullable(),
    }),
    turns: z.array(turn),
  })
  .meta({ id: "SessionDetail" });

const nullableMs = z.number().nullable();
export const insights = z
  .object({
    range: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    totals: z.object({
      conversations: z.number(),
      minutes: z.number(),
      turns: z.number(),
      interruptions: z.number(),
      errors: z.number(),
      activeUsers: z.number(),
      tokensIn: z.number(),
      tokensOut: z.number(),
      responseMeanMs: nullableMs,
      responseP50Ms: nullableMs,
      responseP95Ms: nullableMs,
      responseP99Ms: nullableMs,
    }),
    daily: z.array(
      z.object({ day: z.string(), conversations: z.number(), minutes: z.number(), turns: z.number(), interruptions: z.number(), errors: z.number(), activeUsers: z.number() }),
    ),
    latency: z.array(z.object({ day: z.string(), p50: nullableMs, p95: nullableMs, p99: nullableMs, samples: z.number() })),
  })
  .meta({ id: "Insights" });

export const exportJson = z.record(z.string(), z.unknown()).meta({ id: "SessionExport", description: "The conversation with every stored field, as the JSON export." });

export const listMemoriesQuery = z.strictObject({
  q: storableText().trim().max(200).optional().meta({ description: "Words in the memory, or the name of a person or place it mentions." }),
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: "At most this many (1–500, default 100)." }),
});

export const memoryIdParams = z.strictObject({ id: z.string().meta({ description: "The memory's id (a UUID)." }) });

export const memoryItem = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    content: z.string(),
    importance: z.number(),
    pinned: z.boolean(),
    validFrom: z.string(),
    validTo: z.string().nullable().meta({ description: "Set when a newer memory replaced this one (history)." }),
    createdAt: z.string(),
    sourceSessionId: z.uuid().nullable(),
    entities: z.array(z.object({ name: z.string(), type: z.string() })),
  })
  .meta({ id: "Memory" });

export const memoryList = z.object({ items: z.array(memoryItem) }).meta({ id: "MemoryList" });

export const addMemoryBody = z
  .strictObject({
    content: storableText().trim().min(1, "A memory needs some words.").max(MEMORY_CONTENT_MAX, `At most ${MEMORY_CONTENT_MAX} characters.`),
    kind: z.enum(["fact", "preference", "person", "goal", "event"]).default("fact"),
    importance: z.number().min(0).max(1).transform((value) => Math.round(value * 1000) / 1000).default(0.9),
  })
  .meta({ id: "AddMemory" });

export const addedMemory = z
  .object({ id: z.uuid(), created: z.boolean().meta({ description: "false: the same words were already a memory, now confirmed." }) })
  .meta({ id: "AddedMemory" });

export const deletedMemory = z.object({ id: z.uuid(), deleted: z.literal(true) }).meta({ id: "DeletedMemory" });
