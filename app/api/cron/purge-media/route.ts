import { createHash, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { withErrors } from "@/lib/http/route";
import { getMediaStorage } from "@/lib/media/storage";

export const dynamic = "force-dynamic";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Vercel Cron calls with `Authorization: Bearer $CRON_SECRET`; so may any scheduler. */
function authorize(request: Request): void {
  if (!env.CRON_SECRET) throw new AppError("unavailable:api", "CRON_SECRET is not configured on this deployment.");
  const given = request.headers.get("authorization") ?? "";
  // Compared as digests so the comparison takes the same time whatever was sent.
  if (!timingSafeEqual(digest(given), digest(`Bearer ${env.CRON_SECRET}`))) {
    throw new AppError("unauthorized:auth", "A valid cron bearer token is required.");
  }
}

/** Deletes every user's recorded media older than their retention setting. */
const purge = withErrors("cron-purge-media", async (request: Request): Promise<Response> => {
  authorize(request);
  const deleted = await getMediaStorage(await getDb()).purgeExpired();
  return NextResponse.json({ deleted }, { headers: { "cache-control": "no-store" } });
});

export const GET = purge;
export const POST = purge;
