import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { keepContentLength } from "@/lib/http/content-length";
import { withErrors } from "@/lib/http/route";
import { contentRange, parseRange } from "@/lib/media/range";
import { uuidParam } from "@/lib/media/route-params";
import { getMediaStorage } from "@/lib/media/storage";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

type Context = { params: Promise<{ id: string }> };

/** The caller's recorded conversation as one file, with byte ranges for seeking. */
async function serve(request: Request, { params }: Context, withBody: boolean): Promise<Response> {
  const user = await requireUser();
  const owner = { userId: user.id, sessionId: await uuidParam(params, "id") };
  const storage = getMediaStorage(await getDb());
  const recording = await storage.getAudio(owner);
  if (!recording) throw new AppError("not_found:media", "This conversation was not recorded.");
  const size = recording.byteLength;
  const headers = new Headers({
    "content-type": recording.mimeType,
    "accept-ranges": "bytes",
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  const wanted = parseRange(request.headers.get("range"), size);
  if (wanted.kind === "unsatisfiable") {
    headers.set("content-range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const range = wanted.kind === "partial" ? wanted.range : { start: 0, end: size - 1 };
  headers.set("content-length", String(range.end - range.start + 1));
  if (wanted.kind === "partial") headers.set("content-range", contentRange(range, size));
  const status = wanted.kind === "partial" ? 206 : 200;
  return keepContentLength(new Response(withBody ? storage.streamAudio(owner, recording, range) : null, { status, headers }));
}

export const GET = withErrors("media-audio", (request: Request, context: Context) => serve(request, context, true));
export const HEAD = withErrors("media-audio", (request: Request, context: Context) => serve(request, context, false));
