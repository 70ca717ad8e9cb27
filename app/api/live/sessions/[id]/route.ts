import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { getLiveSessionDetail } from "@/db/queries/live-sessions";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

const sessionId = z.uuid();

/** One of the caller's conversations as stored: the session, its turns in order and its analytics. */
export const GET = withErrors(
  "live-session",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const user = await requireUser();
    const id = sessionId.safeParse((await params).id);
    if (!id.success) throw new AppError("bad_request:input", "That is not a conversation id.");
    const detail = await getLiveSessionDetail(await getDb(), { userId: user.id, sessionId: id.data });
    return NextResponse.json(detail, { headers: { "cache-control": "no-store" } });
  },
);
