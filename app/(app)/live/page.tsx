import type { Metadata } from "next";
import { after } from "next/server";
import { getDb } from "@/db";
import { getCredentialStatus } from "@/db/queries/credentials";
import { getPreferences } from "@/db/queries/preferences";
import { LiveConsole } from "@/components/live/live-console";
import { NoKeyCard } from "@/components/live/no-key-card";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { backfillUserAnalyticsThrottled } from "@/lib/analytics/backfill-on-activity";
import { purgeUserMediaThrottled } from "@/lib/media/purge-on-activity";
import { endLiveSession, markLiveSessionActive, rememberLiveVoice, renewLiveToken, startLiveSession } from "./actions";

export const metadata: Metadata = { title: "Live" };

export default async function LivePage() {
  const user = await requirePageUser("/live");
  const db = await getDb();
  const [preferences, credentials] = await Promise.all([
    getPreferences(db, { userId: user.id }),
    getCredentialStatus(db, { userId: user.id }),
  ]);
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
      defaults={{ voice: preferences.defaultVoice, micEnabled: preferences.micEnabled, cameraEnabled: preferences.cameraEnabled }}
      keyLabel={keyLabel}
      recording={{ audio: preferences.saveAudio, frames: preferences.saveVideoFrames }}
      rememberVoice={rememberLiveVoice}
    />
  );
}
