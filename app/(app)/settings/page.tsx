import type { Metadata } from "next";
import { getDb } from "@/db";
import { getPreferences } from "@/db/queries/preferences";
import { AccountCard } from "@/components/settings/account-card";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { savePreferences } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const preferences = await getPreferences(await getDb(), { userId: user.id });
  const { defaultVoice, cameraEnabled, micEnabled } = preferences;
  return (
    <>
      <PageHeader title="Settings" description="Your defaults for every new conversation." />
      <div className="flex flex-col gap-6">
        <PreferencesForm initial={{ defaultVoice, cameraEnabled, micEnabled }} save={savePreferences} />
        <AccountCard user={user} />
      </div>
    </>
  );
}
