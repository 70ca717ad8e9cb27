import { Card, CardHeader } from "@/components/ui/card";

export interface BackgroundWorkCounts {
  jobs: { pending: number; running: number; failed: number; done: number };
  breakers: { open: number; opens: number };
  memories: { memories: number; users: number; maxPerUser: number };
}

/** Counts only: admins see how much memory and background work exists, never what it says. */
export function BackgroundWorkCard({ counts }: { counts: BackgroundWorkCounts }) {
  const facts = [
    { label: "Jobs pending", value: counts.jobs.pending + counts.jobs.running, testId: "admin-jobs-pending" },
    { label: "Jobs failed", value: counts.jobs.failed, testId: "admin-jobs-failed" },
    { label: "Open model circuits", value: counts.breakers.open, testId: "admin-breakers-open" },
    { label: "Memories", value: counts.memories.memories, testId: "admin-memories" },
    { label: "Users with memories", value: counts.memories.users, testId: "admin-memory-users" },
    { label: "Most per user", value: counts.memories.maxPerUser, testId: "admin-memory-max" },
  ];
  return (
    <Card className="mt-6" data-testid="admin-background-work">
      <CardHeader title="Memory and background work" description="Counts across all users, right now. Circuits are per server instance." />
      <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-b-2xl bg-border sm:grid-cols-3 lg:grid-cols-6">
        {facts.map((fact) => (
          <div key={fact.label} className="bg-surface px-4 py-3">
            <dt className="text-xs text-fg-muted">{fact.label}</dt>
            <dd className="mt-0.5 font-medium text-fg tabular-nums" data-testid={fact.testId}>
              {fact.value.toLocaleString("en-US")}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
