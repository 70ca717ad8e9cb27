import { z } from "zod";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { AppError, fieldErrorsOf } from "@/lib/errors/app-error";
import { getOrCreateVoiceSample } from "@/lib/gemini/voice-sample";
import { VOICE_NAMES } from "@/lib/gemini/voices";
import { withErrors } from "@/lib/http/route";
import { pcm16ToWav } from "@/lib/media/wav";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "@/lib/personas/languages";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

type Context = { params: Promise<{ voice: string }> };

const sampleRequest = z.strictObject({
  voice: z.enum(VOICE_NAMES, { error: "Not one of the Gemini voices." }),
  language: z.enum(LANGUAGE_CODES, { error: "Not one of the listed languages." }).default(DEFAULT_LANGUAGE),
});

/** A voice's short spoken sample as WAV: generated once by the speech model, then served from the database. */
export const GET = withErrors("voice-sample", async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const language = new URL(request.url).searchParams.get("language") ?? undefined;
  const parsed = sampleRequest.safeParse({ voice: (await params).voice, language });
  if (!parsed.success) throw new AppError("bad_request:input", "That voice sample does not exist.", { fieldErrors: fieldErrorsOf(parsed.error) });
  const sample = await getOrCreateVoiceSample(await getDb(), { userId: user.id, ...parsed.data });
  const wav = pcm16ToWav(sample.pcm, sample.sampleRate);
  return new Response(wav as BodyInit, {
    headers: {
      "content-type": "audio/wav",
      "content-length": String(wav.byteLength),
      // The same bytes for everyone and forever: the browser may keep them.
      "cache-control": "private, max-age=86400",
      "x-content-type-options": "nosniff",
    },
  });
});
