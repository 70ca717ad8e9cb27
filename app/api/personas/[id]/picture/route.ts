import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { getPersonaPictureStore } from "@/lib/media/persona-pictures";
import { pictureTypeOf } from "@/lib/media/sniff";
import { readBody } from "@/lib/media/upload";
import { MAX_PICTURE_BYTES, personaPicturePath } from "@/lib/personas/picture";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PATCH } = otherMethods(["GET", "PUT", "DELETE"]);

type Params = { params: Promise<{ id: string }> };
const personaId = z.uuid();

async function owner(params: Params["params"]) {
  const user = await requireUser();
  const id = personaId.safeParse((await params).id);
  // Anything but a uuid is answered like an unknown id.
  if (!id.success) throw new AppError("not_found:persona");
  return { userId: user.id, personaId: id.data };
}

/**
 * The caller's persona picture, with the type its bytes were sniffed as at upload (PNG, JPEG or
 * WebP, never SVG or HTML) and nosniff, so the browser renders it only as an image. The URL
 * carries a version (lib/personas/picture.ts), so the response may be cached privately.
 */
export const GET = withErrors("persona-picture", async (_request: Request, { params }: Params): Promise<Response> => {
  const picture = await getPersonaPictureStore(await getDb()).get(await owner(params));
  return new Response(picture.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": picture.mimeType,
      "content-length": String(picture.bytes.byteLength),
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "content-disposition": "inline",
    },
  });
});

/** Uploads or replaces the picture: the raw bytes as the body (PNG, JPEG or WebP, up to 2 MB). */
export const PUT = withErrors("persona-picture-upload", async (request: Request, { params }: Params): Promise<Response> => {
  const who = await owner(params);
  const bytes = await readBody(request, MAX_PICTURE_BYTES, "The picture").catch((error: unknown) => {
    if (error instanceof AppError && error.code === "too_large:media") throw new AppError("too_large:persona", `Pictures can be up to ${MAX_PICTURE_BYTES / 1024 / 1024} MB.`);
    if (error instanceof AppError) throw new AppError("bad_request:persona", "The picture is empty.");
    throw error;
  });
  const mimeType = pictureTypeOf(bytes);
  if (!mimeType) throw new AppError("unsupported:persona", "Pictures must be PNG, JPEG or WebP images.");
  const { version } = await getPersonaPictureStore(await getDb()).put(who, { mimeType, bytes });
  return NextResponse.json({ version, url: personaPicturePath(who.personaId, version) }, { headers: { "cache-control": "no-store" } });
});

/** Removes the picture: the persona shows its initials again. */
export const DELETE = withErrors("persona-picture-delete", async (_request: Request, { params }: Params): Promise<Response> => {
  await getPersonaPictureStore(await getDb()).remove(await owner(params));
  return new Response(null, { status: 204 });
});
