import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { getActiveSessionsNow } from "@/db/queries/analytics-admin";
import { toActiveSessionsView } from "@/lib/analytics/active-sessions";
import { requireAdmin } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** Conversations open right now, polled by the Admin dashboard. Admins only; metadata only. */
export const GET = withErrors("admin-active-sessions", async (): Promise<Response> => {
  const admin = await requireAdmin();
  const active = await getActiveSessionsNow(await getDb(), { actorId: admin.id });
  return NextResponse.json(toActiveSessionsView(active), { headers: { "cache-control": "no-store" } });
});
