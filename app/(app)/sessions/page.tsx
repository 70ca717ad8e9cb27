import type { Metadata } from "next";
import { getDb } from "@/db";
import { hasAnySession, listSessionHistory, searchTranscripts } from "@/db/queries/history";
import { listPersonas } from "@/db/queries/personas";
import { SessionsView } from "@/components/sessions/sessions-view";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { parseHistoryFilters } from "@/lib/history/filters";
import { deleteSessions, renameSession } from "./actions";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/sessions");
  const parsed = parseHistoryFilters(await searchParams);
  const db = await getDb();
  const personas = (await listPersonas(db, { userId: user.id })).map(({ id, name }) => ({ id, name }));
  // A persona that is not (or no longer) the user's is dropped from the URL's filters, like any malformed one.
  const keep = !parsed.persona || parsed.persona === "default" || personas.some((p) => p.id === parsed.persona);
  const filters = keep ? parsed : { ...parsed, persona: undefined };
  const [hasAny, first] = await Promise.all([
    hasAnySession(db, { userId: user.id }),
    filters.q
      ? searchTranscripts(db, { userId: user.id, query: filters.q, filters }).then((page) => ({ kind: "search" as const, page }))
      : listSessionHistory(db, { userId: user.id, filters }).then((page) => ({ kind: "list" as const, page })),
  ]);
  return (
    <>
      <PageHeader title="Sessions" description="Every conversation you have had, newest first. Search what was said, open one to replay it." />
      <SessionsView initial={{ filters, hasAny, ...first }} actions={{ renameSession, deleteSessions }} personas={personas} />
    </>
  );
}
