import type { Metadata } from "next";
import { after } from "next/server";
import { getDb } from "@/db";
import { getCredentialStatus } from "@/db/queries/credentials";
import { getLastPersonaId, listPersonas } from "@/db/queries/personas";
import { getPreferences } from "@/db/queries/preferences";
import { LiveConsole } from "@/components/live/live-console";
import { NoKeyCard } from "@/components/live/no-key-card";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { backfillUserAnalyticsThrottled } from "@/lib/analytics/backfill-on-activity";
import { purgeUserMediaThrottled } from "@/lib/media/purge-on-activity";
import { endLiveSession, markLiveSessionActive, rememberLiveVoice, renewLiveToken, startLiveSession } from "./actions";

export const metadata: Metadata = { title: "Live" };

export default async function LivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/live");
  const db = await getDb();
  const [preferences, credentials, personas, lastPersonaId, params] = await Promise.all([
    getPreferences(db, { userId: user.id }),
    getCredentialStatus(db, { userId: user.id }),
    listPersonas(db, { userId: user.id }),
    getLastPersonaId(db, { userId: user.id }),
    searchParams,
  ]);
  // "Talk" on the Personas page links here with ?persona=…; only the user's own is taken.
  const asked = typeof params.persona === "string" ? params.persona : null;
  const personaId = personas.find((p) => p.id === asked)?.id ?? lastPersonaId;
  after(() => purgeUserMediaThrottled(db, user.id));
  after(() => backfillUserAnalyticsThrottled(db, user.id));

  const ownKeyWorks = credentials.hasOwnKey && credentials.isValid !== false;
  if (!ownKeyWorks && !credentials.serverKeyAvailable) {
    return (
      <>
        <PageHeader title="Live" description="Talk with your companion by voice, camera, screen or text." />
        <NoKeyCard reason={credentials.hasOwnKey ? "invalid" : "missing"} />
      </>
    );
  }

  const keyLabel = ownKeyWorks
    ? credentials.lastFour
      ? `your Gemini key ending in ${credentials.lastFour}`
      : "your Gemini key"
    : "this workspace's shared Gemini key";

  return (
    <LiveConsole
      actions={{ startLiveSession, renewLiveToken, markLiveSessionActive, endLiveSession }}
      defaults={{ voice: preferences.defaultVoice, personaId, micEnabled: preferences.micEnabled, cameraEnabled: preferences.cameraEnabled }}
      personas={personas.map(({ id, name, initials, color, voice, pictureVersion }) => ({ id, name, initials, color, voice, picture: { personaId: id, version: pictureVersion } }))}
      keyLabel={keyLabel}
      recording={{ audio: preferences.saveAudio, frames: preferences.saveVideoFrames }}
      rememberVoice={rememberLiveVoice}
    />
  );
}
