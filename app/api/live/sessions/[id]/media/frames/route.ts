import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { getPreferences } from "@/db/queries/preferences";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { MAX_FRAME_BYTES } from "@/lib/media/limits";
import { uuidParam } from "@/lib/media/route-params";
import { looksLikeJpeg } from "@/lib/media/sniff";
import { getMediaStorage } from "@/lib/media/storage";
import { frameUploadHeaders, parseHeaders, readBody } from "@/lib/media/upload";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

/** One camera frame of the caller's conversation: a JPEG body with X-Offset-Ms (and optionally its size). Idempotent per offset. */
export const POST = withErrors(
  "media-frame-upload",
  async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const user = await requireUser();
    const sessionId = await uuidParam(params, "id");
    if ((request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() !== "image/jpeg") {
      throw new AppError("unsupported:media", "Frames must be image/jpeg.");
    }
    const meta = parseHeaders(request, frameUploadHeaders, ["x-offset-ms", "x-frame-width", "x-frame-height"]);
    const db = await getDb();
    const preferences = await getPreferences(db, { userId: user.id });
    if (!preferences.saveVideoFrames) throw new AppError("forbidden:media", "Saving camera frames is off in Settings.");
    const bytes = await readBody(request, MAX_FRAME_BYTES, "A frame");
    if (!looksLikeJpeg(bytes)) throw new AppError("unsupported:media", "That is not JPEG data.");
    const { id, stored } = await getMediaStorage(db).putFrame(
      { userId: user.id, sessionId },
      { offsetMs: meta["x-offset-ms"], mimeType: "image/jpeg", width: meta["x-frame-width"] ?? null, height: meta["x-frame-height"] ?? null, bytes },
    );
    return NextResponse.json({ id, stored }, { status: stored ? 201 : 200 });
  },
);
