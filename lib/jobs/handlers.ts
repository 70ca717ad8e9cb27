import "server-only";
import { KNOWLEDGE_PROCESS_JOB } from "@/lib/knowledge/limits";
import { runKnowledgeProcessJob } from "@/lib/knowledge/process-job";
import { runMemoryConsolidationJob } from "@/lib/memory/consolidate-job";
import { runMemoryEmbedJob } from "@/lib/memory/embed-job";
import { runMemoryExtractionJob } from "@/lib/memory/extraction";
import { MEMORY_CONSOLIDATE_JOB, MEMORY_EMBED_JOB, MEMORY_EXTRACT_JOB } from "@/lib/memory/job-kinds";
import { env } from "@/lib/env";
import { makeWebhookDeliveryJob } from "@/lib/webhooks/deliver";
import { runSessionEndedJob } from "@/lib/webhooks/session-events";
import { SESSION_ENDED_JOB, WEBHOOK_JOB } from "@/lib/webhooks/webhook";
import type { JobHandlers } from "./runner";

/** Every kind of background job and what runs it. A feature adds its kind here. */
export const JOB_HANDLERS: JobHandlers = {
  [MEMORY_EXTRACT_JOB]: runMemoryExtractionJob,
  [MEMORY_EMBED_JOB]: runMemoryEmbedJob,
  [MEMORY_CONSOLIDATE_JOB]: runMemoryConsolidationJob,
  [WEBHOOK_JOB]: makeWebhookDeliveryJob({ allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === "1" }),
  [SESSION_ENDED_JOB]: runSessionEndedJob,
  [KNOWLEDGE_PROCESS_JOB]: runKnowledgeProcessJob,
};
