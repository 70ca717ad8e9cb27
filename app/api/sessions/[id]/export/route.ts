import { z } from "zod";
import { getDb } from "@/db";
import { exportSessionJson } from "@/db/queries/history-export";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { attachment, exportFileName, exportJsonStream, type ExportedSession } from "@/lib/history/export-format";
import { historyFiltersSchema } from "@/lib/history/filters";
import { sessionMarkdown } from "@/lib/history/markdown";
import { displayTitle } from "@/lib/history/title";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

const query = z.object({
  format: z.enum(["md", "json"], { error: "Export as md or json." }),
  tz: historyFiltersSchema.shape.tz,
});

/** One of the caller's conversations as a download: Markdown to read, or JSON with every stored field. */
export const GET = withErrors("session-export", async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  const user = await requireUser();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new AppError("not_found:session");
  const url = new URL(request.url);
  const input = query.safeParse({ format: url.searchParams.get("format") ?? "json", tz: url.searchParams.get("tz") ?? undefined });
  if (!input.success) throw new AppError("bad_request:input", input.error.issues[0]?.message);

  const json = await exportSessionJson(await getDb(), { userId: user.id, sessionId: id.data });
  const exported = JSON.parse(json) as ExportedSession;
  const firstLine = exported.turns.find((turn) => turn.sender === "user" && turn.text.trim())?.text ?? null;
  const title = displayTitle({ title: exported.session.title, firstLine });
  const headers = {
    "content-disposition": attachment(exportFileName(title, exported.session.started_at, input.data.format)),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
  if (input.data.format === "md") {
    return new Response(sessionMarkdown(exported, { timeZone: input.data.tz }), { headers: { ...headers, "content-type": "text/markdown; charset=utf-8" } });
  }
  const body = exportJsonStream({ user }, (async function* () {
    yield json;
  })());
  return new Response(body, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
});
