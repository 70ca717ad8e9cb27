import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/route";
import { uuidParam } from "@/lib/media/route-params";
import { getMediaStorage } from "@/lib/media/storage";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** One camera frame of the caller's conversation. Frames never change, so the browser may keep them. */
export const GET = withErrors(
  "media-frame",
  async (_request: Request, { params }: { params: Promise<{ id: string; frameId: string }> }): Promise<Response> => {
    const user = await requireUser();
    const [sessionId, frameId] = [await uuidParam(params, "id"), await uuidParam(params, "frameId")];
    const frame = await getMediaStorage(await getDb()).getFrame({ userId: user.id, sessionId }, frameId);
    return new Response(frame.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": frame.mimeType,
        "content-length": String(frame.bytes.byteLength),
        "cache-control": "private, max-age=86400, immutable",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
