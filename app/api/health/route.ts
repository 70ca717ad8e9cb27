import { NextResponse } from "next/server";
import { getDatabase } from "@/db";
import { checkDatabase } from "@/db/queries/health";
import { logError } from "@/lib/errors/log";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

// Public on purpose (uptime checks carry no session); it reports reachability, never data.
export async function GET(): Promise<Response> {
  try {
    const health = await checkDatabase(await getDatabase());
    return NextResponse.json({ status: "ok", database: health });
  } catch (error) {
    logError("health: database unreachable", error);
    return NextResponse.json({ status: "degraded", database: { reachable: false } }, { status: 503 });
  }
}
