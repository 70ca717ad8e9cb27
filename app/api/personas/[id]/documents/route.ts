import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { createDocument, listDocuments } from "@/db/queries/knowledge";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { runJobsAfterResponse } from "@/lib/jobs/schedule";
import { MAX_DOCUMENT_BYTES } from "@/lib/knowledge/limits";
import { checkUpload } from "@/lib/knowledge/upload-check";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

const personaId = z.uuid();
// The multipart envelope around the file: boundaries, headers, the name.
const ENVELOPE_BYTES = 64 * 1024;

async function persona(params: Promise<{ id: string }>) {
  const id = personaId.safeParse((await params).id);
  if (!id.success) throw new AppError("not_found:persona");
  return id.data;
}

/** The persona's documents with their status (processing, ready, failed with reason). */
export const GET = withErrors("knowledge-list", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const documents = await listDocuments(await getDb(), { userId: user.id, personaId: await persona(params) });
  return NextResponse.json({ documents }, { headers: { "cache-control": "no-store" } });
});

/** Uploads one document (multipart field "file"); it is processed by a job after the response. */
export const POST = withErrors("knowledge-upload", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const id = await persona(params);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) throw new AppError("too_large:knowledge", `Documents can be up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    throw new AppError("bad_request:knowledge", "Send the document as a multipart form with a “file” field.");
  }
  if (!(file instanceof File)) throw new AppError("bad_request:knowledge", "Send the document as a multipart form with a “file” field.");
  if (file.size > MAX_DOCUMENT_BYTES) throw new AppError("too_large:knowledge", `Documents can be up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { name, mimeType } = checkUpload({ name: file.name, bytes });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { document, created } = await createDocument(await getDb(), { userId: user.id, personaId: id, name, mimeType, bytes, sha256 });
  if (created) runJobsAfterResponse({ userId: user.id });
  return NextResponse.json({ document, created }, { status: created ? 201 : 200 });
});
