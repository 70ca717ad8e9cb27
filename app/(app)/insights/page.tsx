import type { Metadata } from "next";
import { after } from "next/server";
import { getDb } from "@/db";
import { RangePicker } from "@/components/analytics/range-picker";
import { TimeZoneSync } from "@/components/analytics/time-zone-sync";
import { UserInsights } from "@/components/analytics/user-insights";
import { PageHeader } from "@/components/shell/page-header";
import { backfillUserAnalyticsThrottled } from "@/lib/analytics/backfill-on-activity";
import { rangeFromSearchParams } from "@/lib/analytics/range";
import { getViewerTimeZone } from "@/lib/analytics/viewer-zone";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Insights" };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/insights");
  const timeZone = await getViewerTimeZone();
  const range = rangeFromSearchParams(await searchParams, { timeZone });
  const db = await getDb();
  after(() => backfillUserAnalyticsThrottled(db, user.id));
  return (
    <>
      <TimeZoneSync serverTimeZone={timeZone} />
      <PageHeader title="Insights" description="How you talk with LiveMind: how often, how long, and how fast it answers." />
      <RangePicker range={range} timeZone={timeZone} basePath="/insights" />
      <UserInsights viewer={user} userId={user.id} range={range} timeZone={timeZone} />
    </>
  );
}
