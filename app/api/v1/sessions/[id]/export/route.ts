import { z } from "zod";
import { exportSessionJson } from "@/db/queries/history-export";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { AppError } from "@/lib/errors/app-error";
import type { ExportedSession } from "@/lib/history/export-format";
import { sessionMarkdown } from "@/lib/history/markdown";
import { GET_ONLY } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = GET_ONLY;

export const GET = apiRoute(API_OPERATIONS.exportSession, async ({ db, userId, params, query }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("not_found:session");
  const json = await exportSessionJson(db, { userId, sessionId: id.data });
  const headers = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
  if (query.format === "md") {
    const exported = JSON.parse(json) as ExportedSession;
    return new Response(sessionMarkdown(exported, { timeZone: query.tz }), { headers: { ...headers, "content-type": "text/markdown; charset=utf-8" } });
  }
  return new Response(json, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
});
