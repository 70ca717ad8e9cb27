import type { Metadata } from "next";
import { getDb } from "@/db";
import { getPreferences } from "@/db/queries/preferences";
import { AccountCard } from "@/components/settings/account-card";
import { ApiKeyCard } from "@/components/settings/api-key-card";
import { ExportCard } from "@/components/settings/export-card";
import { MemoryCard } from "@/components/settings/memory-card";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { RecordingForm } from "@/components/settings/recording-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getGeminiKeyStatus } from "@/lib/gemini/credentials";
import { saveMemoryPreference } from "../memory/actions";
import { deleteGeminiApiKey, saveGeminiApiKey, savePreferences, saveRecordingPreferences } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const db = await getDb();
  const [preferences, keyStatus] = await Promise.all([
    getPreferences(db, { userId: user.id }),
    getGeminiKeyStatus(db, { userId: user.id }),
  ]);
  const { defaultVoice, cameraEnabled, micEnabled, memoryEnabled, saveAudio, saveVideoFrames, mediaRetentionDays } = preferences;
  return (
    <>
      <PageHeader title="Settings" description="Your Gemini key and your defaults for every new conversation." />
      <div className="flex flex-col gap-6">
        <ApiKeyCard initial={keyStatus} save={saveGeminiApiKey} remove={deleteGeminiApiKey} />
        <PreferencesForm initial={{ defaultVoice, cameraEnabled, micEnabled }} save={savePreferences} />
        <RecordingForm initial={{ saveAudio, saveVideoFrames, mediaRetentionDays }} save={saveRecordingPreferences} />
        <MemoryCard initial={{ memoryEnabled }} save={saveMemoryPreference} />
        <ExportCard href="/api/sessions/export" />
        <AccountCard user={user} />
      </div>
    </>
  );
}
