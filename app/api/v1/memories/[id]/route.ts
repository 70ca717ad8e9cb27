import { deleteMemory } from "@/db/queries/memories";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { AppError } from "@/lib/errors/app-error";
import { otherMethods } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The Memory page's delete: another user's memory is not found.
export const DELETE = apiRoute(API_OPERATIONS.deleteMemory, async ({ db, userId, params: { id } }) => {
  if (!UUID.test(id)) throw new AppError("not_found:api");
  await deleteMemory(db, { userId, memoryId: id });
  return { id, deleted: true as const };
});
