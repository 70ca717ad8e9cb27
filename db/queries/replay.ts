import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../index";
import { personas } from "../schema";
import { getLiveSessionDetail, type LiveSessionDetail } from "./live-sessions";

export interface ReplaySession extends LiveSessionDetail {
  personaName: string | null;
}

/** What the replay page shows of one of the caller's conversations; not_found:session otherwise. */
export async function getReplaySession(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<ReplaySession> {
  const detail = await getLiveSessionDetail(db, { userId, sessionId });
  // The name it had when the conversation started; rows from before the snapshot read the persona.
  if (detail.session.personaName) return { ...detail, personaName: detail.session.personaName };
  const personaId = detail.session.personaId;
  if (!personaId) return { ...detail, personaName: null };
  const [persona] = await db
    .select({ name: personas.name })
    .from(personas)
    .where(and(eq(personas.id, personaId), eq(personas.userId, userId)))
    .limit(1);
  return { ...detail, personaName: persona?.name ?? null };
}
