import type { Metadata } from "next";
import { getDb } from "@/db";
import { countJobs } from "@/db/queries/jobs";
import { countMemoriesAcrossUsers } from "@/db/queries/memories";
import { BackgroundWorkCard } from "@/components/admin/background-work-card";
import { AdminDashboard } from "@/components/analytics/admin-dashboard";
import { RangePicker } from "@/components/analytics/range-picker";
import { TimeZoneSync } from "@/components/analytics/time-zone-sync";
import { PageHeader } from "@/components/shell/page-header";
import { rangeFromSearchParams } from "@/lib/analytics/range";
import { getViewerTimeZone } from "@/lib/analytics/viewer-zone";
import { requirePageAdmin } from "@/lib/auth/session";
import { breakerCounts } from "@/lib/jobs/breakers";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageAdmin();
  const timeZone = await getViewerTimeZone();
  const range = rangeFromSearchParams(await searchParams, { timeZone });
  const db = await getDb();
  const [jobs, memories] = await Promise.all([countJobs(db), countMemoriesAcrossUsers(db)]);
  return (
    <>
      <TimeZoneSync serverTimeZone={timeZone} />
      <PageHeader title="Admin" description="How LiveMind is used across every account: volume, speed, errors and cost. A deleted account's conversations leave these totals with it; nothing here names or links back to it." />
      <RangePicker range={range} timeZone={timeZone} basePath="/admin" />
      <AdminDashboard viewer={admin} range={range} timeZone={timeZone} />
      <BackgroundWorkCard counts={{ jobs, memories, breakers: breakerCounts() }} />
    </>
  );
}
