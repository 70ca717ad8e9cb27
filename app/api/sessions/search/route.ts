import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { searchTranscripts } from "@/db/queries/history";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { historyRequest } from "@/lib/history/route-input";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** A page of lines in the caller's transcripts matching `?q=` (phrases, -exclusions, or). */
export const GET = withErrors("sessions-search", async (request: Request): Promise<Response> => {
  const user = await requireUser();
  const { filters, cursor } = historyRequest(request, "search");
  if (!filters.q) throw new AppError("bad_request:input", "Type something to search for.");
  const page = await searchTranscripts(await getDb(), { userId: user.id, query: filters.q, filters, cursor });
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
});
