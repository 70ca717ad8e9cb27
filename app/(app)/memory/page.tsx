import type { Metadata } from "next";
import { getDb } from "@/db";
import { listEntities, listMemories } from "@/db/queries/memories";
import { getPreferences } from "@/db/queries/preferences";
import { MemoryList } from "@/components/memory/memory-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { memoryPageQuery } from "@/lib/memory/actions-input";
import { editMemory, forgetAllMemories, removeMemory } from "./actions";

export const metadata: Metadata = { title: "Memory" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function MemoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("/memory");
  const raw = await searchParams;
  const query = memoryPageQuery.parse({ q: first(raw.q) || undefined, entity: first(raw.entity) || undefined });
  const db = await getDb();
  const [memories, entities, preferences] = await Promise.all([
    listMemories(db, { userId: user.id, search: query.q, entity: query.entity }),
    listEntities(db, { userId: user.id }),
    getPreferences(db, { userId: user.id }),
  ]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return (
    <>
      <PageHeader title="Memory" description="What your companion remembers about you, where it learned it, and your say over it." />
      <MemoryList
        memories={memories.map((memory) => ({
          id: memory.id,
          kind: memory.kind,
          content: memory.content,
          importance: memory.importance,
          pinned: memory.pinned,
          useCount: memory.useCount,
          validFrom: memory.validFrom.toISOString(),
          validTo: iso(memory.validTo),
          supersededBy: memory.supersededBy,
          lastConfirmedAt: memory.lastConfirmedAt.toISOString(),
          sourceSessionId: memory.sourceSessionId,
          sourceSequence: memory.sourceSequence,
          sourceTitle: memory.sourceTitle,
          entities: memory.entities,
        }))}
        entities={entities.map((entity) => ({ ...entity, lastMentionedAt: entity.lastMentionedAt.toISOString() }))}
        query={query}
        memoryEnabled={preferences.memoryEnabled}
        actions={{ edit: editMemory, remove: removeMemory, forgetAll: forgetAllMemories }}
      />
    </>
  );
}
