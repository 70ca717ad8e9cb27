import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { listSessionHistory } from "@/db/queries/history";
import { requireUser } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/route";
import { historyRequest } from "@/lib/history/route-input";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** A page of the caller's conversations, newest first (`?cursor=` from the previous page). */
export const GET = withErrors("sessions-list", async (request: Request): Promise<Response> => {
  const user = await requireUser();
  const { filters, cursor } = historyRequest(request, "list");
  const page = await listSessionHistory(await getDb(), { userId: user.id, filters, cursor });
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
});
