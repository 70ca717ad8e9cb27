import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { getPreferences } from "@/db/queries/preferences";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { MAX_AUDIO_SEGMENT_BYTES } from "@/lib/media/limits";
import { uuidParam } from "@/lib/media/route-params";
import { audioTypeOf, looksLikeAudioSegment } from "@/lib/media/sniff";
import { getMediaStorage } from "@/lib/media/storage";
import { audioUploadHeaders, parseHeaders, readBody } from "@/lib/media/upload";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

/**
 * One recorded segment of the caller's conversation: raw bytes, Content-Type audio/webm or
 * audio/ogg, X-Sequence-Number / X-Start-Offset-Ms / X-Duration-Ms. Idempotent per sequence number.
 */
export const POST = withErrors(
  "media-audio-upload",
  async (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const user = await requireUser();
    const sessionId = await uuidParam(params, "id");
    const contentType = request.headers.get("content-type");
    const type = audioTypeOf(contentType);
    if (!type) throw new AppError("unsupported:media", "Audio must be audio/webm or audio/ogg.");
    const meta = parseHeaders(request, audioUploadHeaders, ["x-sequence-number", "x-start-offset-ms", "x-duration-ms"]);
    const db = await getDb();
    const preferences = await getPreferences(db, { userId: user.id });
    if (!preferences.saveAudio) throw new AppError("forbidden:media", "Saving audio is off in Settings.");
    const bytes = await readBody(request, MAX_AUDIO_SEGMENT_BYTES, "An audio segment");
    if (!looksLikeAudioSegment(bytes, type, meta["x-sequence-number"])) {
      throw new AppError("unsupported:media", `That is not ${type} data.`);
    }
    const { stored } = await getMediaStorage(db).putAudioSegment(
      { userId: user.id, sessionId },
      {
        sequenceNumber: meta["x-sequence-number"],
        // Parameters such as codecs=opus are kept: the replay hands the type to the <audio> element.
        mimeType: (contentType ?? type).trim(),
        startOffsetMs: meta["x-start-offset-ms"],
        durationMs: meta["x-duration-ms"] ?? null,
        bytes,
      },
    );
    return NextResponse.json({ sequenceNumber: meta["x-sequence-number"], stored }, { status: stored ? 201 : 200 });
  },
);
