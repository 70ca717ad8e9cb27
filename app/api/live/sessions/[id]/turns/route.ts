import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { appendTurns } from "@/db/queries/transcripts";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { appendTurnsBody, type AppendTurnsResult } from "@/lib/live/contract";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

/** Generous for 50 turns of 20 000 characters, JSON-escaped; larger bodies are refused unread. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const sessionId = z.uuid();

async function readJson(request: Request): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new AppError("bad_request:input", "That batch is too large.");
  // navigator.sendBeacon posts text/plain, so the body is parsed whatever its Content-Type says.
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("bad_request:input", "That batch is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:input", "The body must be JSON: { turns: [...] }.");
  }
}

/** Stores a batch of closed turns of the caller's live session; answers every acknowledged sequence number. */
export const POST = withErrors(
  "live-turns",
  async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const user = await requireUser();
    const id = sessionId.safeParse((await params).id);
    if (!id.success) throw new AppError("bad_request:input", "That is not a conversation id.");
    const body = appendTurnsBody.safeParse(await readJson(request));
    if (!body.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of body.error.issues) (fieldErrors[issue.path.join(".") || "body"] ??= []).push(issue.message);
      throw new AppError("bad_request:input", "Some turns in the batch are not valid.", { fieldErrors });
    }
    const result: AppendTurnsResult = await appendTurns(await getDb(), { userId: user.id, sessionId: id.data, turns: body.data.turns });
    return NextResponse.json(result);
  },
);
