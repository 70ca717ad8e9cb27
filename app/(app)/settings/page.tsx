import type { Metadata } from "next";
import { getDb } from "@/db";
import { listApiKeys } from "@/db/queries/api-keys";
import { getEmailStatus } from "@/db/queries/account-status";
import { getPreferences } from "@/db/queries/preferences";
import { ApiAccessCard } from "@/components/api-keys/api-access-card";
import { AccountCard } from "@/components/settings/account-card";
import { ApiKeyCard } from "@/components/settings/api-key-card";
import { DeleteAccountCard } from "@/components/settings/delete-account-card";
import { DevicesCard } from "@/components/settings/devices-card";
import { SignInCard } from "@/components/settings/sign-in-card";
import { ExportCard } from "@/components/settings/export-card";
import { MemoryCard } from "@/components/settings/memory-card";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { RecordingForm } from "@/components/settings/recording-form";
import { UsageCard } from "@/components/settings/usage-card";
import { PageHeader } from "@/components/shell/page-header";
import { listDevices } from "@/lib/account/devices";
import { getCurrentSessionId, requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getGeminiKeyStatus } from "@/lib/gemini/credentials";
import { getQuotaUsage } from "@/lib/quotas/service";
import { deleteAccount, revokeDevice, revokeOtherDevices } from "./account-actions";
import { saveMemoryPreference } from "../memory/actions";
import { deleteGeminiApiKey, saveGeminiApiKey, savePreferences, saveRecordingPreferences } from "./actions";

export const metadata: Metadata = { title: "Settings" };

// Where the links in email-change and confirmation mail land (see components/settings/sign-in-card.tsx).
function linkNotice({ email, error }: { email?: string | string[]; error?: string | string[] }): { tone: "ok" | "error"; text: string } | null {
  if (error !== undefined) return { tone: "error", text: "That link has expired or was used already. Ask for a new one below." };
  // The old address's approval lands here too, before the new address has confirmed.
  if (email === "changed") return { tone: "ok", text: "Link accepted. If the address below is not the new one yet, open the link we just sent to the new address." };
  if (email === "verified") return { tone: "ok", text: "Your email address is confirmed." };
  return null;
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ email?: string | string[]; error?: string | string[] }> }) {
  const user = await requirePageUser("/settings");
  const db = await getDb();
  const [preferences, keyStatus, usage, apiKeys, emailStatus, devices] = await Promise.all([
    getPreferences(db, { userId: user.id }),
    getGeminiKeyStatus(db, { userId: user.id }),
    getQuotaUsage(db, { userId: user.id }),
    listApiKeys(db, { userId: user.id }),
    getEmailStatus(db, { userId: user.id }),
    getCurrentSessionId().then((currentSessionId) => listDevices(db, { userId: user.id, currentSessionId })),
  ]);
  const activeApiKeys = apiKeys.filter((key) => !key.revokedAt && !key.expired).length;
  const { defaultVoice, cameraEnabled, micEnabled, memoryEnabled, saveAudio, saveVideoFrames, mediaRetentionDays } = preferences;
  return (
    <>
      <PageHeader title="Settings" description="Your Gemini key and your defaults for every new conversation." />
      <div className="flex flex-col gap-6">
        <ApiKeyCard initial={keyStatus} save={saveGeminiApiKey} remove={deleteGeminiApiKey} />
        <PreferencesForm initial={{ defaultVoice, cameraEnabled, micEnabled }} save={savePreferences} />
        <RecordingForm initial={{ saveAudio, saveVideoFrames, mediaRetentionDays }} save={saveRecordingPreferences} />
        <UsageCard usage={usage} tokenLimit={{ max: env.LIVE_TOKEN_RATE_LIMIT_MAX, windowSeconds: env.LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS }} />
        <ApiAccessCard activeKeys={activeApiKeys} />
        <MemoryCard initial={{ memoryEnabled }} save={saveMemoryPreference} />
        <ExportCard href="/api/sessions/export" />
        <AccountCard user={user} />
        <SignInCard email={emailStatus?.email ?? user.email} emailVerified={emailStatus?.emailVerified ?? false} linkNotice={linkNotice(await searchParams)} />
        <DevicesCard initial={devices} revoke={revokeDevice} revokeOthers={revokeOtherDevices} />
        <DeleteAccountCard remove={deleteAccount} />
      </div>
    </>
  );
}
