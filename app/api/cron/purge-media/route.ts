import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { authorizeCron } from "@/lib/http/cron";
import { withErrors } from "@/lib/http/route";
import { getMediaStorage } from "@/lib/media/storage";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

/** Deletes every user's recorded media older than their retention setting. */
const purge = withErrors("cron-purge-media", async (request: Request): Promise<Response> => {
  authorizeCron(request);
  const deleted = await getMediaStorage(await getDb()).purgeExpired();
  return NextResponse.json({ deleted }, { headers: { "cache-control": "no-store" } });
});

export const GET = purge;
export const POST = purge;
