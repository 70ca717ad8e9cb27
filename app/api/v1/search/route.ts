import { searchTranscripts } from "@/db/queries/history";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { AppError } from "@/lib/errors/app-error";
import { readSearchCursor } from "@/lib/history/cursor";
import { GET_ONLY } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = GET_ONLY;

export const GET = apiRoute(API_OPERATIONS.searchTranscripts, async ({ db, userId, query: { q, cursor, limit, ...filters } }) => {
  if (cursor && !readSearchCursor(cursor)) throw new AppError("bad_request:input", "That page position is not valid.");
  return searchTranscripts(db, { userId, query: q, filters, cursor, limit });
});
