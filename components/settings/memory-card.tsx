"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Card, CardHeader } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/actions/safe-action";

interface Props {
  initial: { memoryEnabled: boolean };
  save: (values: { memoryEnabled: boolean }) => Promise<ActionResult<{ memoryEnabled: boolean }>>;
}

/** Memory on/off for the account: off, nothing is learned from conversations and nothing is recalled. */
export function MemoryCard({ initial, save }: Props) {
  const [enabled, setEnabled] = useState(initial.memoryEnabled);
  const [pending, startTransition] = useTransition();

  function onChange(next: boolean) {
    setEnabled(next);
    startTransition(async () => {
      const result = await save({ memoryEnabled: next });
      if (!result.ok) {
        setEnabled(!next);
        toast.error(result.error.message);
        return;
      }
      toast.success(next ? "Memory is on" : "Memory is off");
    });
  }

  return (
    <Card id="memory" data-testid="memory-card">
      <CardHeader title="Memory" description="Your companion remembers what you share, across conversations. You can see, edit and erase all of it." />
      <div className="px-5 py-2 sm:px-6">
        <Switch
          label="Remember my conversations"
          description={pending ? "Saving…" : "Off: nothing new is learned and nothing is recalled. What is already remembered stays until you delete it."}
          checked={enabled}
          onCheckedChange={onChange}
          testId="toggle-memory"
        />
      </div>
      <div className="border-t border-border px-5 py-3.5 text-sm sm:px-6">
        <Link href="/memory" className="font-medium text-accent hover:underline">
          See what your companion remembers
        </Link>
      </div>
    </Card>
  );
}
