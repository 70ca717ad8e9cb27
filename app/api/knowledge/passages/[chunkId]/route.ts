import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { getKnowledgePassage } from "@/db/queries/knowledge";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

const chunkId = z.uuid();

/** One passage of the caller's own documents, for a knowledge source clicked live or in a replay. */
export const GET = withErrors("knowledge-passage", async (_request: Request, { params }: { params: Promise<{ chunkId: string }> }): Promise<Response> => {
  const user = await requireUser();
  const id = chunkId.safeParse((await params).chunkId);
  if (!id.success) throw new AppError("not_found:knowledge", "That passage does not exist.");
  const passage = await getKnowledgePassage(await getDb(), { userId: user.id, chunkId: id.data });
  return NextResponse.json({ passage }, { headers: { "cache-control": "private, no-store" } });
});
