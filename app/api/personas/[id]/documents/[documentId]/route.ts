import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { deleteDocument } from "@/db/queries/knowledge";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);

const ids = z.object({ id: z.uuid(), documentId: z.uuid() });

/** Deletes one of the caller's documents and its passages. */
export const DELETE = withErrors("knowledge-delete", async (_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) => {
  const user = await requireUser();
  const parsed = ids.safeParse(await params);
  if (!parsed.success) throw new AppError("not_found:knowledge");
  await deleteDocument(await getDb(), { userId: user.id, documentId: parsed.data.documentId });
  return new NextResponse(null, { status: 204 });
});
