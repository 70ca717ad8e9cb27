import { getDb } from "@/db";
import { exportAccountExtrasJson } from "@/db/queries/account-export";
import { exportAllSessionsJson } from "@/db/queries/history-export";
import { requireUser } from "@/lib/auth/session";
import { withErrors } from "@/lib/http/route";
import { attachment, exportJsonStream } from "@/lib/history/export-format";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

/** The caller's whole history in one JSON download, streamed a few conversations at a time. */
export const GET = withErrors("sessions-export-all", async (): Promise<Response> => {
  const user = await requireUser();
  const now = new Date();
  const db = await getDb();
  const account = await exportAccountExtrasJson(db, { userId: user.id });
  const body = exportJsonStream({ user, now, account }, exportAllSessionsJson(db, { userId: user.id }));
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": attachment(`livemind-export-${now.toISOString().slice(0, 10)}.json`),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
