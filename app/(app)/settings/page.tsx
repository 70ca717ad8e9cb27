import type { Metadata } from "next";
import { getDb } from "@/db";
import { listApiKeys } from "@/db/queries/api-keys";
import { getPreferences } from "@/db/queries/preferences";
import { ApiAccessCard } from "@/components/api-keys/api-access-card";
import { AccountCard } from "@/components/settings/account-card";
import { ApiKeyCard } from "@/components/settings/api-key-card";
import { ExportCard } from "@/components/settings/export-card";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { RecordingForm } from "@/components/settings/recording-form";
import { UsageCard } from "@/components/settings/usage-card";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getGeminiKeyStatus } from "@/lib/gemini/credentials";
import { getQuotaUsage } from "@/lib/quotas/service";
import { deleteGeminiApiKey, saveGeminiApiKey, savePreferences, saveRecordingPreferences } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const db = await getDb();
  const [preferences, keyStatus, usage, apiKeys] = await Promise.all([
    getPreferences(db, { userId: user.id }),
    getGeminiKeyStatus(db, { userId: user.id }),
    getQuotaUsage(db, { userId: user.id }),
    listApiKeys(db, { userId: user.id }),
  ]);
  const activeApiKeys = apiKeys.filter((key) => !key.revokedAt && !key.expired).length;
  const { defaultVoice, cameraEnabled, micEnabled, saveAudio, saveVideoFrames, mediaRetentionDays } = preferences;
  return (
    <>
      <PageHeader title="Settings" description="Your Gemini key and your defaults for every new conversation." />
      <div className="flex flex-col gap-6">
        <ApiKeyCard initial={keyStatus} save={saveGeminiApiKey} remove={deleteGeminiApiKey} />
        <PreferencesForm initial={{ defaultVoice, cameraEnabled, micEnabled }} save={savePreferences} />
        <RecordingForm initial={{ saveAudio, saveVideoFrames, mediaRetentionDays }} save={saveRecordingPreferences} />
        <UsageCard usage={usage} tokenLimit={{ max: env.LIVE_TOKEN_RATE_LIMIT_MAX, windowSeconds: env.LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS }} />
        <ApiAccessCard activeKeys={activeApiKeys} />
        <ExportCard href="/api/sessions/export" />
        <AccountCard user={user} />
      </div>
    </>
  );
}
