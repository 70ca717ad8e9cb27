import "server-only";
import { and, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { liveSessions, memories, memoryEntities, user } from "../schema";

/* What the Memory page reads and changes. Every query is filtered by the acting user. */

export interface MemoryEntity {
  name: string;
  type: string;
}

export interface MemoryItem {
  id: string;
  kind: string;
  content: string;
  importance: number;
  pinned: boolean;
  useCount: number;
  lastUsedAt: Date | null;
  validFrom: Date;
  validTo: Date | null;
  supersededBy: string | null;
  lastConfirmedAt: Date;
  createdAt: Date;
  sourceSessionId: string | null;
  sourceSequence: number | null;
  sourceTitle: string | null;
  entities: MemoryEntity[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The caller's memories, current and superseded (history), newest first; `search` matches the
 * sentence or an entity's name, `entity` keeps memories that mention that name.
 */
export async function listMemories(
  db: Database,
  { userId, search, entity, limit = 500 }: { userId: string; search?: string; entity?: string; limit?: number },
): Promise<MemoryItem[]> {
  const pattern = search ? `%${escapeLike(search)}%` : null;
  const mentions = (name: ReturnType<typeof sql>) =>
    sql`exists (select 1 from ${memoryEntities} e where e.memory_id = ${memories.id} and e.user_id = ${userId} and ${name})`;
  const rows = await db
    .select({
      id: memories.id,
      kind: memories.kind,
      content: memories.content,
      importance: memories.importance,
      pinned: memories.pinned,
      useCount: memories.useCount,
      lastUsedAt: memories.lastUsedAt,
      validFrom: memories.validFrom,
      validTo: memories.validTo,
      supersededBy: memories.supersededBy,
      lastConfirmedAt: memories.lastConfirmedAt,
      createdAt: memories.createdAt,
      sourceSessionId: memories.sourceSessionId,
      sourceSequence: memories.sourceSequence,
      sourceTitle: liveSessions.title,
    })
    .from(memories)
    .leftJoin(liveSessions, and(eq(liveSessions.id, memories.sourceSessionId), eq(liveSessions.userId, userId)))
    .where(
      and(
        eq(memories.userId, userId),
        pattern ? or(ilike(memories.content, pattern), mentions(sql`e.name ilike ${pattern}`)) : undefined,
        entity ? mentions(sql`lower(e.name) = lower(${entity})`) : undefined,
      ),
    )
    .orderBy(desc(memories.pinned), desc(memories.validFrom), desc(memories.id))
    .limit(limit);
  const ids = rows.map((row) => row.id);
  const entities = ids.length
    ? await db
        .select({ memoryId: memoryEntities.memoryId, name: memoryEntities.name, type: memoryEntities.entityType })
        .from(memoryEntities)
        .where(and(eq(memoryEntities.userId, userId), inArray(memoryEntities.memoryId, ids)))
    : [];
  const byMemory = new Map<string, MemoryEntity[]>();
  for (const row of entities) byMemory.set(row.memoryId, [...(byMemory.get(row.memoryId) ?? []), { name: row.name, type: row.type }]);
  return rows.map((row) => ({ ...row, entities: byMemory.get(row.id) ?? [] }));
}

export interface EntitySummary {
  name: string;
  type: string;
  mentions: number;
  lastMentionedAt: Date;
}

/** People and places in the caller's current memories, most mentioned first. */
export async function listEntities(db: Database, { userId, limit = 30 }: { userId: string; limit?: number }): Promise<EntitySummary[]> {
  const rows = await db
    .select({
      name: sql<string>`min(${memoryEntities.name})`,
      type: sql<string>`min(${memoryEntities.entityType})`,
      mentions: sql<number>`count(*)::int`,
      lastMentionedAt: sql<Date>`max(${memoryEntities.createdAt})`,
    })
    .from(memoryEntities)
    .innerJoin(memories, eq(memories.id, memoryEntities.memoryId))
    .where(and(eq(memoryEntities.userId, userId), eq(memories.userId, userId), isNull(memories.validTo)))
    .groupBy(sql`lower(${memoryEntities.name})`)
    .orderBy(sql`count(*) desc`, sql`max(${memoryEntities.createdAt}) desc`)
    .limit(limit);
  return rows.map((row) => ({ ...row, mentions: Number(row.mentions), lastMentionedAt: new Date(row.lastMentionedAt) }));
}

/**
 * Edits one of the caller's current memories. New words drop the embedding (re-embedded by a
 * job) and count as a confirmation. Another user's id, or a superseded memory, is not found.
 */
export async function updateMemory(
  db: Database,
  { userId, memoryId, content, importance, pinned, now = new Date() }: { userId: string; memoryId: string; content?: string; importance?: number; pinned?: boolean; now?: Date },
): Promise<{ id: string; contentChanged: boolean }> {
  const [row] = await db
    .update(memories)
    .set({
      ...(content !== undefined ? { content, embedding: sql`case when ${memories.content} = ${content} then ${memories.embedding} else null end`, lastConfirmedAt: now } : {}),
      ...(importance !== undefined ? { importance } : {}),
      ...(pinned !== undefined ? { pinned } : {}),
      updatedAt: now,
    })
    .where(and(eq(memories.id, memoryId), eq(memories.userId, userId), isNull(memories.validTo)))
    .returning({ id: memories.id, embedding: memories.embedding });
  if (!row) throw new AppError("not_found:memory");
  return { id: row.id, contentChanged: content !== undefined && row.embedding === null };
}

/** Deletes one of the caller's memories with the history it superseded. */
export async function deleteMemory(db: Database, { userId, memoryId }: { userId: string; memoryId: string }): Promise<void> {
  const deleted = await db.execute(sql`
    with recursive chain(id) as (
      select id from memories where id = ${memoryId}::uuid and user_id = ${userId}
      union
      select m.id from memories m join chain c on m.superseded_by = c.id where m.user_id = ${userId}
    )
    delete from memories where user_id = ${userId} and id in (select id from chain) returning id`);
  if (((deleted as unknown as { rows: unknown[] }).rows ?? []).length === 0) throw new AppError("not_found:memory");
}

/** "Forget everything": every memory of the caller, with its entities. */
export async function forgetEverything(db: Database, { userId }: { userId: string }): Promise<{ deleted: number }> {
  const rows = await db.delete(memories).where(eq(memories.userId, userId)).returning({ id: memories.id });
  return { deleted: rows.length };
}

/** What was learned from one of the caller's conversations (asked when it is deleted). */
export async function forgetSessionMemories(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<{ deleted: number }> {
  const rows = await db
    .delete(memories)
    .where(and(eq(memories.userId, userId), eq(memories.sourceSessionId, sessionId)))
    .returning({ id: memories.id });
  return { deleted: rows.length };
}

/** Admins: how many memories exist and how many users hold some. Counts only, never content. */
export async function countMemoriesAcrossUsers(db: Database): Promise<{ memories: number; users: number; maxPerUser: number }> {
  const [row] = await db
    .select({
      memories: sql<number>`count(${memories.id})::int`,
      users: sql<number>`count(distinct ${memories.userId})::int`,
      maxPerUser: sql<number>`coalesce((select max(c) from (select count(*)::int as c from ${memories} group by user_id) per_user), 0)`,
    })
    .from(memories)
    .innerJoin(user, eq(user.id, memories.userId));
  return { memories: Number(row?.memories ?? 0), users: Number(row?.users ?? 0), maxPerUser: Number(row?.maxPerUser ?? 0) };
}
