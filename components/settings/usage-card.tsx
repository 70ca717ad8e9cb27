import { UsageSummary } from "@/components/quotas/usage-summary";
import { Card, CardHeader } from "@/components/ui/card";
import type { QuotaUsage } from "@/lib/quotas/limits";

const per = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60 === 1 ? "minute" : `${seconds / 60} minutes`}` : `${seconds} seconds`);

/** What the user may still use: set by whoever runs LiveMind, shown so a limit is never a surprise. */
export function UsageCard({ usage, tokenLimit }: { usage: QuotaUsage; tokenLimit: { max: number; windowSeconds: number } }) {
  return (
    <Card id="usage" data-testid="usage-card" className="scroll-mt-20">
      <CardHeader title="Usage" description="Your conversation allowance, set by the person who runs LiveMind. Months follow UTC." />
      <div className="flex flex-col gap-4 px-5 py-4 sm:px-6">
        <UsageSummary usage={usage} />
        <p className="text-sm text-fg-muted">
          Starting a conversation and each reconnection count toward a limit of {tokenLimit.max.toLocaleString("en-US")} every {per(tokenLimit.windowSeconds)}.
        </p>
      </div>
    </Card>
  );
}
