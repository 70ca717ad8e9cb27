import type { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/key";
import * as s from "./schemas";

/*
 * Every route of /api/v1 in one table: its path (OpenAPI style), the scope a key needs, the
 * schemas of its input and answer. The handlers (handler.ts) and the OpenAPI document
 * (openapi.ts) both read it, and the contract test checks the app's route files against it.
 */

export interface ApiOperation {
  id: string;
  method: "get" | "post" | "delete";
  path: `/api/v1/${string}`;
  scope: ApiScope;
  summary: string;
  description?: string;
  query: z.ZodObject;
  params: z.ZodObject;
  /** The JSON body of a write. */
  body?: z.ZodType;
  response: z.ZodType;
  /** Other representations the route can answer with (the Markdown export). */
  alsoProduces?: string[];
}

export const API_OPERATIONS = {
  listSessions: {
    id: "listSessions",
    method: "get",
    path: "/api/v1/sessions",
    scope: "sessions:read",
    summary: "List your conversations",
    description: "Newest first, by keyset paging: pass the answer's `nextCursor` as `cursor` for the next page.",
    query: s.listSessionsQuery,
    params: s.noParams,
    response: s.sessionPage,
  },
  getSession: {
    id: "getSession",
    method: "get",
    path: "/api/v1/sessions/{id}",
    scope: "transcripts:read",
    summary: "One conversation with its turns",
    query: s.noParams,
    params: s.sessionIdParams,
    response: s.sessionDetail,
  },
  exportSession: {
    id: "exportSession",
    method: "get",
    path: "/api/v1/sessions/{id}/export",
    scope: "transcripts:read",
    summary: "Export one conversation",
    description: "The same files as the Export button: JSON with every stored field, or Markdown.",
    query: s.exportQuery,
    params: s.sessionIdParams,
    response: s.exportJson,
    alsoProduces: ["text/markdown"],
  },
  searchTranscripts: {
    id: "searchTranscripts",
    method: "get",
    path: "/api/v1/search",
    scope: "transcripts:read",
    summary: "Search your transcripts",
    description: "Lines matching `q`, and conversations whose title or AI summary matches it (`match: \"summary\"`), best match first, by keyset paging.",
    query: s.searchQuery,
    params: s.noParams,
    response: s.searchPage,
  },
  getInsights: {
    id: "getInsights",
    method: "get",
    path: "/api/v1/insights",
    scope: "analytics:read",
    summary: "Your usage numbers",
    description: "The numbers of the Insights page for a range of days in a time zone.",
    query: s.insightsQuery,
    params: s.noParams,
    response: s.insights,
  },
  listMemories: {
    id: "listMemories",
    method: "get",
    path: "/api/v1/memories",
    scope: "memories:read",
    summary: "List or search your memories",
    description: "Current memories and their history (replaced ones have `validTo`), pinned first, then newest.",
    query: s.listMemoriesQuery,
    params: s.noParams,
    response: s.memoryList,
  },
  addMemory: {
    id: "addMemory",
    method: "post",
    path: "/api/v1/memories",
    scope: "memories:write",
    summary: "Add a memory",
    description: "Adds a memory, or confirms the same words if already known (`created: false`). Sends `memory.created` to your webhooks.",
    query: s.noParams,
    params: s.noParams,
    body: s.addMemoryBody,
    response: s.addedMemory,
  },
  deleteMemory: {
    id: "deleteMemory",
    method: "delete",
    path: "/api/v1/memories/{id}",
    scope: "memories:write",
    summary: "Delete a memory",
    query: s.noParams,
    params: s.memoryIdParams,
    response: s.deletedMemory,
  },
} as const satisfies Record<string, ApiOperation>;
