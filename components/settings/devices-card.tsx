"use client";

import { Laptop } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalDateTime } from "@/components/ui/local-date-time";
import type { DeviceView } from "@/lib/account/schema";
import type { ActionResult } from "@/lib/actions/safe-action";

interface Props {
  initial: DeviceView[];
  revoke: (input: { sessionId: string }) => Promise<ActionResult<DeviceView[]>>;
  revokeOthers: (input: Record<string, never>) => Promise<ActionResult<DeviceView[]>>;
}

/** Every browser signed in to the account; any but this one can be signed out from here. */
export function DevicesCard({ initial, revoke, revokeOthers }: Props) {
  const [devices, setDevices] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function run(key: string, call: () => Promise<ActionResult<DeviceView[]>>, done: string) {
    setBusy(key);
    startTransition(async () => {
      const result = await call();
      setBusy(null);
      if (!result.ok) return void toast.error(result.error.message);
      setDevices(result.data);
      toast.success(done);
    });
  }

  const others = devices.filter((device) => !device.current).length;
  return (
    <Card data-testid="devices-card">
      <CardHeader
        title="Your devices"
        description="Browsers signed in to your account. Addresses are shortened to their network so they do not say where you were."
        action={
          <Button size="sm" variant="secondary" disabled={others === 0} pending={busy === "others"} onClick={() => run("others", () => revokeOthers({}), "Signed out everywhere else")} data-testid="revoke-other-devices">
            Sign out all others
          </Button>
        }
      />
      <ul className="divide-y divide-border" data-testid="devices-list">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-4 sm:px-6" data-testid="device-row" data-current={device.current || undefined}>
            <Laptop aria-hidden className="size-5 shrink-0 text-fg-muted" />
            <div className="min-w-0 flex-1 basis-52 text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                <span data-testid="device-label">{device.label}</span>
                {device.current ? <Badge tone="accent">This browser</Badge> : null}
              </p>
              <p className="mt-0.5 text-fg-muted">
                {device.ipHint ? <span data-testid="device-ip">{device.ipHint} · </span> : null}
                Last used <LocalDateTime iso={device.lastUsedAt} /> · signed in <LocalDateTime iso={device.signedInAt} />
              </p>
            </div>
            {device.current ? null : (
              <Button size="sm" variant="ghost" pending={busy === device.id} onClick={() => run(device.id, () => revoke({ sessionId: device.id }), "Signed out")} data-testid="revoke-device">
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
