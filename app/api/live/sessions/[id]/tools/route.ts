import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { recordToolCall } from "@/db/queries/memory-tool-calls";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { runJobsAfterResponse } from "@/lib/jobs/schedule";
import { runKnowledgeTool } from "@/lib/knowledge/search";
import { knowledgeSourcesOf, knowledgeToolCall, summarizeKnowledgeResult } from "@/lib/knowledge/tool";
import { memoryToolCall } from "@/lib/memory/tool-declarations";
import { summarizeToolResult } from "@/lib/memory/tool-summary";
import { runMemoryTool } from "@/lib/memory/tools";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

const MAX_BODY_BYTES = 16 * 1024;
const sessionId = z.uuid();

/** Runs one memory or knowledge tool call of the model for the caller's conversation; the browser relays the answer. */
export const POST = withErrors("live-tools", async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
  const user = await requireUser();
  const id = sessionId.safeParse((await params).id);
  if (!id.success) throw new AppError("bad_request:input", "That is not a conversation id.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("bad_request:input", "That tool call is too large.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:input", "The body must be JSON: { name, args }.");
  }
  const db = await getDb();
  const knowledge = knowledgeToolCall.safeParse(json);
  if (knowledge.success) {
    const result = await runKnowledgeTool(db, { userId: user.id, sessionId: id.data, call: knowledge.data });
    // Kept with the conversation: the sources ("from Menu.pdf, page 3") shown in its replay.
    await recordToolCall(db, {
      userId: user.id,
      sessionId: id.data,
      callId: knowledge.data.id ?? randomUUID(),
      name: knowledge.data.name,
      summary: summarizeKnowledgeResult(result),
      sources: knowledgeSourcesOf(result),
    });
    return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
  }
  const call = memoryToolCall.safeParse(json);
  if (!call.success) throw new AppError("bad_request:input", "That is not a memory or knowledge tool call.");
  const result = await runMemoryTool(db, { userId: user.id, sessionId: id.data, call: call.data });
  // Kept with the conversation for its replay: what was done, not what was remembered.
  const summary = summarizeToolResult(call.data.name, result);
  if (summary) await recordToolCall(db, { userId: user.id, sessionId: id.data, callId: call.data.id ?? randomUUID(), name: call.data.name, summary });
  // A saved memory gets its embedding from a job.
  if (call.data.name === "save_memory") runJobsAfterResponse({ userId: user.id });
  return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
});
