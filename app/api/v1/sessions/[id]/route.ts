import { z } from "zod";
import { getLiveSessionDetail } from "@/db/queries/live-sessions";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { toApiSessionDetail } from "@/lib/api-v1/session-detail";
import { AppError } from "@/lib/errors/app-error";
import { GET_ONLY } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = GET_ONLY;

export const GET = apiRoute(API_OPERATIONS.getSession, async ({ db, userId, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("not_found:session");
  return toApiSessionDetail(await getLiveSessionDetail(db, { userId, sessionId: id.data }));
});
