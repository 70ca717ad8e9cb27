"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import { MemoryCard } from "./memory-card";
import { type EntityView, KIND_GROUPS, type MemoryActions, type MemoryView } from "./types";

interface Props {
  memories: MemoryView[];
  entities: EntityView[];
  query: { q?: string; entity?: string };
  memoryEnabled: boolean;
  actions: MemoryActions;
}

/** Earlier versions of each current memory, following superseded_by back through the chain. */
function historyOf(memories: MemoryView[]): Map<string, MemoryView[]> {
  const bySuccessor = new Map<string, MemoryView[]>();
  for (const memory of memories) {
    if (memory.supersededBy) bySuccessor.set(memory.supersededBy, [...(bySuccessor.get(memory.supersededBy) ?? []), memory]);
  }
  const out = new Map<string, MemoryView[]>();
  for (const memory of memories) {
    if (memory.validTo) continue;
    const chain: MemoryView[] = [];
    for (let at = bySuccessor.get(memory.id) ?? []; at.length; at = at.flatMap((old) => bySuccessor.get(old.id) ?? [])) chain.push(...at);
    out.set(memory.id, chain);
  }
  return out;
}

/** What the companion knows, grouped, with search, a people/places strip and "Forget everything". */
export function MemoryList({ memories, entities, query, memoryEnabled, actions }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const history = historyOf(memories);
  const current = memories.filter((memory) => !memory.validTo);
  // A superseded memory whose newer version is filtered out (search) still shows as its own row.
  const orphans = memories.filter((memory) => memory.validTo && !memories.some((other) => other.id === memory.supersededBy));
  const filtered = Boolean(query.q || query.entity);

  function forgetAll() {
    startTransition(async () => {
      const result = await actions.forgetAll({ confirm: "forget everything" });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      setConfirming(false);
      toast.success(result.data.deleted === 1 ? "Forgot 1 memory" : `Forgot ${result.data.deleted} memories`);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      {!memoryEnabled ? (
        <Card className="px-5 py-4 text-sm text-fg-muted sm:px-6" data-testid="memory-off">
          Memory is off: nothing new is learned and nothing is recalled.{" "}
          <Link href="/settings#memory" className="font-medium text-accent hover:underline">
            Turn it on in Settings
          </Link>
          .
        </Card>
      ) : null}
      <form method="get" action="/memory" role="search" className="flex gap-2">
        <label htmlFor="memory-search" className="sr-only">
          Search memories
        </label>
        <input
          id="memory-search"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          maxLength={200}
          placeholder="Search what your companion knows"
          data-testid="memory-search"
          className="h-10 min-w-0 flex-1 rounded-lg border border-border bg-surface px-3 text-sm text-fg focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
        />
        <Button type="submit" variant="secondary" aria-label="Search">
          <Search aria-hidden className="size-4" />
        </Button>
      </form>
      {entities.length ? (
        <nav aria-label="People and places" className="flex flex-wrap gap-2" data-testid="entity-strip">
          {entities.map((entity) => {
            const active = query.entity?.toLowerCase() === entity.name.toLowerCase();
            return (
              <Link
                key={entity.name}
                href={active ? "/memory" : `/memory?entity=${encodeURIComponent(entity.name)}`}
                aria-current={active ? "true" : undefined}
                className={cn("rounded-full border px-3 py-1 text-sm", active ? "border-accent bg-accent-soft text-accent" : "border-border text-fg hover:bg-surface-muted")}
              >
                {entity.name} <span className="text-fg-muted">· {entity.mentions}</span>
              </Link>
            );
          })}
        </nav>
      ) : null}
      {filtered ? (
        <p className="text-sm text-fg-muted">
          {current.length} {current.length === 1 ? "memory" : "memories"} match.{" "}
          <Link href="/memory" className="font-medium text-accent hover:underline">
            Show all
          </Link>
        </p>
      ) : null}
      {current.length === 0 && orphans.length === 0 ? (
        <Card className="px-5 py-10 text-center text-fg-muted sm:px-6" data-testid="memory-empty">
          {filtered ? "Nothing matches." : "Nothing yet. Talk on Live and what you share will show up here after the conversation."}
        </Card>
      ) : null}
      {KIND_GROUPS.map(({ kind, title }) => {
        const items = current.filter((memory) => memory.kind === kind);
        if (!items.length) return null;
        return (
          <Card key={kind} data-testid={`memory-group-${kind}`}>
            <CardHeader title={title} />
            <ul className="divide-y divide-border">
              {items.map((memory) => (
                <MemoryCard key={memory.id} memory={memory} history={history.get(memory.id) ?? []} actions={actions} />
              ))}
            </ul>
          </Card>
        );
      })}
      {orphans.length ? (
        <Card>
          <CardHeader title="Earlier versions" description="Facts that have since changed." />
          <ul className="divide-y divide-border px-5 text-sm text-fg-muted sm:px-6">
            {orphans.map((memory) => (
              <li key={memory.id} className="py-3 line-through">
                {memory.content}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {memories.length && !filtered ? (
        <div className="flex justify-end">
          <button type="button" className={buttonClasses({ variant: "secondary" })} onClick={() => setConfirming(true)} data-testid="forget-everything">
            Forget everything
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Forget everything?"
        description="Every memory goes, with its history. Your conversations stay; new ones will be remembered again unless memory is off."
        confirmLabel="Forget everything"
        pending={pending}
        onConfirm={forgetAll}
        testId="forget-everything-dialog"
      />
    </div>
  );
}
