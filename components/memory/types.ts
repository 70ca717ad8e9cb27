import type { ActionResult } from "@/lib/actions/safe-action";
import type { UpdateMemoryInput } from "@/lib/memory/actions-input";

/** One memory as the page shows it: dates as ISO strings (rendered in the reader's zone). */
export interface MemoryView {
  id: string;
  kind: string;
  content: string;
  importance: number;
  pinned: boolean;
  useCount: number;
  validFrom: string;
  validTo: string | null;
  supersededBy: string | null;
  lastConfirmedAt: string;
  sourceSessionId: string | null;
  sourceSequence: number | null;
  sourceTitle: string | null;
  entities: { name: string; type: string }[];
}

export interface EntityView {
  name: string;
  type: string;
  mentions: number;
  lastMentionedAt: string;
}

export interface MemoryActions {
  edit: (input: UpdateMemoryInput) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { memoryId: string }) => Promise<ActionResult<{ id: string }>>;
  forgetAll: (input: { confirm: "forget everything" }) => Promise<ActionResult<{ deleted: number }>>;
}

export const KIND_GROUPS: { kind: string; title: string }[] = [
  { kind: "person", title: "People" },
  { kind: "fact", title: "Facts" },
  { kind: "preference", title: "Preferences" },
  { kind: "goal", title: "Goals" },
  { kind: "event", title: "Events" },
  { kind: "summary", title: "Past conversations" },
];

export const sourceHref = (memory: Pick<MemoryView, "sourceSessionId" | "sourceSequence">) =>
  memory.sourceSessionId ? `/sessions/${memory.sourceSessionId}${memory.sourceSequence !== null ? `?turn=${memory.sourceSequence}` : ""}` : null;
