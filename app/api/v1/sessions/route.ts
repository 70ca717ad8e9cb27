import { listSessionHistory } from "@/db/queries/history";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { AppError } from "@/lib/errors/app-error";
import { readListCursor } from "@/lib/history/cursor";
import { GET_ONLY } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = GET_ONLY;

export const GET = apiRoute(API_OPERATIONS.listSessions, async ({ db, userId, query: { cursor, limit, ...filters } }) => {
  if (cursor && !readListCursor(cursor)) throw new AppError("bad_request:input", "That page position is not valid.");
  return listSessionHistory(db, { userId, filters, cursor, limit });
});
