import "server-only";
import type { Database } from "@/db";
import type { JobRow } from "@/db/queries/jobs";
import { getDeliveryToSend, recordDeliveryAttempt } from "@/db/queries/webhooks";
import { PermanentJobError, RETRY_BACKOFF } from "@/lib/jobs/runner";
import { backoffDelayMs } from "@/lib/live/backoff";
import { BlockedAddressError, type Resolver } from "./address-guard";
import { pinnedPost, type PinnedPost } from "./pinned-post";
import { signWebhook } from "./webhook";

/*
 * The webhook.deliver job: one signed POST per attempt. The outcome goes on the delivery row
 * (what the user sees); a failure throws so that the job runner retries it with backoff from the
 * job row, which survives a crash. The POST goes to the address the SSRF guard vetted and no
 * other (./pinned-post.ts); redirects are not followed: they could lead past the guard.
 */

export const DELIVERY_TIMEOUT_MS = 10_000;
/** What is read of a receiver's answer: its status is what counts, the body only has to end. */
export const DELIVERY_MAX_RESPONSE_BYTES = 64 * 1024;

export class DeliveryFailedError extends Error {
  constructor(readonly status: number | null, code: string) {
    super(code);
    this.name = "DeliveryFailedError";
  }
}

export interface DeliverOptions {
  allowPrivate: boolean;
  post?: PinnedPost;
  now?: () => Date;
  resolve?: Resolver;
}

/** What the delivery log says of a failed attempt: a code (ECONNREFUSED, TimeoutError…), never a message. */
const failureCode = (caught: unknown) => (caught instanceof Error ? ((caught as NodeJS.ErrnoException).code ?? caught.name) : "error");

export function makeWebhookDeliveryJob({ allowPrivate, post = pinnedPost, now = () => new Date(), resolve }: DeliverOptions) {
  return async function runWebhookDeliveryJob(db: Database, job: JobRow): Promise<void> {
    const deliveryId = job.payload.deliveryId;
    if (!job.userId || !deliveryId) throw new PermanentJobError("webhook job without a delivery");
    const delivery = await getDeliveryToSend(db, { userId: job.userId, deliveryId });
    // The endpoint was deleted since: nothing to send.
    if (!delivery) return;
    const started = performance.now();
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const headers = signWebhook({ secret: delivery.secret, id: delivery.eventId, timestamp: Math.floor(now().getTime() / 1000), body });
      const response = await post(new URL(delivery.url), {
        headers: { ...headers, "content-type": "application/json", "user-agent": "LiveMind-Webhooks/1" },
        body,
        allowPrivate,
        resolve,
        timeoutMs: DELIVERY_TIMEOUT_MS,
        maxResponseBytes: DELIVERY_MAX_RESPONSE_BYTES,
      });
      status = response.status;
      if (status < 200 || status >= 300) error = `http_${status}`;
    } catch (caught) {
      error = caught instanceof BlockedAddressError ? "blocked_address" : failureCode(caught);
    }
    const durationMs = performance.now() - started;
    const ok = error === null;
    const last = job.attempts >= job.maxAttempts || error === "blocked_address";
    const retryAt = ok || last ? null : new Date(now().getTime() + backoffDelayMs(job.attempts, RETRY_BACKOFF));
    await recordDeliveryAttempt(db, { userId: job.userId, deliveryId, ok, responseStatus: status, durationMs, error, retryAt, now: now() });
    if (error === "blocked_address") throw new PermanentJobError("blocked_address");
    if (!ok) throw new DeliveryFailedError(status, error!);
  };
}
