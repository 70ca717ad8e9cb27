"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { ActionResult } from "@/lib/actions/safe-action";
import { plural } from "./format";

interface Props {
  userId: string;
  counts: { active: number; revoked: number; requestsLast30Days: number };
  revoke: (input: { userId: string }) => Promise<ActionResult<{ keysRevoked: number }>>;
}

/** How many API keys an account has and how much they are used; never the keys or their names. */
export function UserApiKeys({ userId, counts, revoke }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();

  function onRevoke() {
    start(async () => {
      const result = await revoke({ userId });
      setConfirming(false);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(`Revoked ${plural(result.data.keysRevoked, "key")}`);
      router.refresh();
    });
  }

  return (
    <Card data-testid="admin-user-api-keys">
      <CardHeader title="API keys" description="Counts only: the keys and their names stay private." />
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4 sm:px-6">
        <p className="text-sm" data-testid="admin-api-key-counts">
          {plural(counts.active, "active key")} · {counts.revoked} revoked · {plural(counts.requestsLast30Days, "request")} in 30 days
        </p>
        {counts.active > 0 ? (
          confirming ? (
            <div className="flex items-center gap-2">
              <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="button" variant="danger" size="sm" pending={pending} onClick={onRevoke} data-testid="admin-confirm-revoke-api-keys">
                Revoke all
              </Button>
            </div>
          ) : (
            <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)} data-testid="admin-revoke-api-keys">
              Revoke all keys
            </Button>
          )
        ) : null}
      </div>
    </Card>
  );
}
