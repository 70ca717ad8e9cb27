import { listMemories } from "@/db/queries/memories";
import { apiRoute } from "@/lib/api-v1/handler";
import { API_OPERATIONS } from "@/lib/api-v1/operations";
import { addUserMemory } from "@/lib/memory/add-memory";
import { otherMethods } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");

// The same query as the Memory page's list and search.
export const GET = apiRoute(API_OPERATIONS.listMemories, async ({ db, userId, query: { q, limit } }) => {
  const items = await listMemories(db, { userId, search: q || undefined, limit: limit ?? 100 });
  return {
    items: items.map((m) => ({
      id: m.id,
      kind: m.kind,
      content: m.content,
      importance: m.importance,
      pinned: m.pinned,
      validFrom: m.validFrom.toISOString(),
      validTo: m.validTo?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
      sourceSessionId: m.sourceSessionId,
      entities: m.entities,
    })),
  };
});

export const POST = apiRoute(API_OPERATIONS.addMemory, async ({ db, userId, body }) => addUserMemory(db, { userId, content: body.content, kind: body.kind, importance: body.importance }));
