"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalDateTime } from "@/components/ui/local-date-time";
import type { ActionResult } from "@/lib/actions/safe-action";

export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expired: boolean;
}

interface Props {
  keys: KeyRow[];
  selectedId: string | null;
  revoke: (input: { keyId: string }) => Promise<ActionResult<{ keyId: string }>>;
}

export function KeyList({ keys, selectedId, revoke }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onRevoke(keyId: string) {
    start(async () => {
      const result = await revoke({ keyId });
      setConfirming(null);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success("Key revoked");
      router.refresh();
    });
  }

  return (
    <Card data-testid="api-key-list">
      <CardHeader title="Your API keys" description="Keys are stored hashed: only their first characters are shown." />
      {keys.length === 0 ? <p className="px-5 py-5 text-sm text-fg-muted sm:px-6">No keys yet.</p> : null}
      <ul className="divide-y divide-border">
        {keys.map((key) => {
          const state = key.revokedAt ? "revoked" : key.expired ? "expired" : "active";
          return (
            <li key={key.id} className="flex flex-col gap-2 px-5 py-4 sm:px-6" data-testid="api-key-row" data-key-prefix={key.prefix} data-state={state}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="min-w-0">
                  <p className="truncate font-medium">{key.name}</p>
                  <p className="font-mono text-xs text-fg-muted">{key.prefix}…</p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={state === "active" ? "success" : "neutral"}>{state}</Badge>
                  {state === "active" ? (
                    confirming === key.id ? (
                      <>
                        <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(null)} disabled={pending}>
                          Keep
                        </Button>
                        <Button type="button" variant="danger" size="sm" pending={pending} onClick={() => onRevoke(key.id)} data-testid="confirm-revoke-api-key">
                          Revoke
                        </Button>
                      </>
                    ) : (
                      <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(key.id)} data-testid="revoke-api-key">
                        Revoke
                      </Button>
                    )
                  ) : null}
                </div>
              </div>
              <div className="flex flex-wrap gap-1">
                {key.scopes.map((scope) => (
                  <Badge key={scope} tone="accent" className="font-mono">
                    {scope}
                  </Badge>
                ))}
              </div>
              <p className="text-xs text-fg-muted">
                Created <LocalDateTime iso={key.createdAt} />
                {" · "}
                {key.lastUsedAt ? (
                  <>
                    last used <LocalDateTime iso={key.lastUsedAt} />
                  </>
                ) : (
                  "never used"
                )}
                {key.expiresAt ? (
                  <>
                    {" · "}expires <LocalDateTime iso={key.expiresAt} />
                  </>
                ) : null}
                {" · "}
                <Link href={selectedId === key.id ? "/settings/api-keys" : `/settings/api-keys?key=${key.id}`} className="text-accent underline-offset-2 hover:underline" data-testid="api-key-requests-link">
                  {selectedId === key.id ? "Hide requests" : "Requests"}
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
