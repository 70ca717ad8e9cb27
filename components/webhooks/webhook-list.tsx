"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalDateTime } from "@/components/ui/local-date-time";
import type { ActionResult } from "@/lib/actions/safe-action";

export interface DeliveryRow {
  id: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

export interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  includeTranscript: boolean;
  createdAt: string;
  deliveries: DeliveryRow[];
}

interface Props {
  endpoints: EndpointRow[];
  remove: (input: { endpointId: string }) => Promise<ActionResult<{ endpointId: string }>>;
  resend: (input: { deliveryId: string }) => Promise<ActionResult<{ deliveryId: string }>>;
}

const tone = (status: DeliveryRow["status"]) => (status === "delivered" ? "success" : status === "failed" ? "danger" : "neutral");

export function WebhookList({ endpoints, remove, resend }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function run<T>(call: () => Promise<ActionResult<T>>, done: string) {
    start(async () => {
      const result = await call();
      setConfirming(null);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(done);
      router.refresh();
    });
  }

  return (
    <Card data-testid="webhook-list">
      <CardHeader title="Your webhooks" description="The latest deliveries of each, with the answer your server gave." />
      {endpoints.length === 0 ? <p className="px-5 py-5 text-sm text-fg-muted sm:px-6">No webhooks yet.</p> : null}
      <ul className="divide-y divide-border">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id} className="flex flex-col gap-3 px-5 py-4 sm:px-6" data-testid="webhook-row">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0 flex-1">
                <p className="break-all font-mono text-sm" data-testid="webhook-row-url">{endpoint.url}</p>
                <p className="text-xs text-fg-muted">
                  Added <LocalDateTime iso={endpoint.createdAt} />
                  {endpoint.includeTranscript ? " · with transcripts" : null}
                </p>
              </div>
              {confirming === endpoint.id ? (
                <div className="flex gap-2">
                  <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(null)} disabled={pending}>
                    Keep
                  </Button>
                  <Button type="button" variant="danger" size="sm" pending={pending} onClick={() => run(() => remove({ endpointId: endpoint.id }), "Webhook deleted")} data-testid="confirm-delete-webhook">
                    Delete
                  </Button>
                </div>
              ) : (
                <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(endpoint.id)} data-testid="delete-webhook">
                  Delete
                </Button>
              )}
            </div>
            <div className="flex flex-wrap gap-1">
              {endpoint.events.map((event) => (
                <Badge key={event} tone="accent" className="font-mono">
                  {event}
                </Badge>
              ))}
            </div>
            {endpoint.deliveries.length === 0 ? (
              <p className="text-xs text-fg-muted">No deliveries yet.</p>
            ) : (
              <ul className="flex flex-col gap-2" aria-label="Latest deliveries">
                {endpoint.deliveries.map((delivery) => (
                  <li key={delivery.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-surface-muted px-3 py-2 text-xs" data-testid="webhook-delivery" data-status={delivery.status}>
                    <span className="font-mono">{delivery.eventType}</span>
                    <Badge tone={tone(delivery.status)}>{delivery.status}</Badge>
                    <span data-testid="webhook-delivery-code">{delivery.responseStatus ?? delivery.lastError ?? "—"}</span>
                    {delivery.durationMs !== null ? <span>{delivery.durationMs} ms</span> : null}
                    <span className="text-fg-muted">
                      <LocalDateTime iso={delivery.lastAttemptAt ?? delivery.createdAt} />
                      {delivery.attempts > 1 ? ` · ${delivery.attempts} attempts` : null}
                    </span>
                    <Button type="button" variant="ghost" size="sm" className="ml-auto" disabled={pending} onClick={() => run(() => resend({ deliveryId: delivery.id }), "Sending again")} data-testid="resend-webhook-delivery">
                      Resend
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
