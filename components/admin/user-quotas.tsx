import { UsageSummary } from "@/components/quotas/usage-summary";
import { Card, CardHeader } from "@/components/ui/card";
import type { QuotaDefaults, QuotaOverride, QuotaUsage } from "@/lib/quotas/limits";
import { QuotaForm } from "./quota-form";

/** One account's Live quotas on its admin page: what it used this month, and the limits to change. */
export function UserQuotas({ userId, usage, override, defaults, save }: { userId: string; usage: QuotaUsage; override: QuotaOverride; defaults: QuotaDefaults; save: React.ComponentProps<typeof QuotaForm>["save"] }) {
  return (
    <Card data-testid="user-quotas">
      <CardHeader title="Quotas" description="Live conversations this account may hold at once and minutes a month (UTC). Changes are audited." />
      <div className="flex flex-col gap-5 px-5 py-4 sm:px-6">
        <UsageSummary usage={usage} whose="their" />
        <QuotaForm userId={userId} override={override} defaults={defaults} save={save} />
      </div>
    </Card>
  );
}
