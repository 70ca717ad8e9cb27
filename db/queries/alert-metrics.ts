import "server-only";
import { type SQL, sql } from "drizzle-orm";
import {
  concurrentConversations,
  errorRate,
  jobFailures,
  keyFailures,
  windowCost,
  type AlertMetric,
  type MetricReading,
} from "@/lib/alerts/metrics";
import { MESSAGES } from "@/lib/live/live-errors";
import type { Database } from "../index";
import { rows } from "./analytics-sql";
import { STALE_SESSION_MS } from "./live-sessions";

/*
 * One aggregate query per alert metric, over every user (the alert evaluator runs without a
 * user: it is the deployment watching itself). Counts, sums and percentiles only, never content;
 * the pure functions in lib/alerts/metrics.ts turn the rows into the reading.
 */

const query = <T>(db: Database, statement: SQL) => rows<T>(db, statement);

export async function readAlertMetric(db: Database, metric: AlertMetric, { since, now }: { since: Date; now: Date }): Promise<MetricReading> {
  switch (metric) {
    case "heard_latency_p95": {
      // Turns measured in the window, live conversations included (their analytics row comes at the end).
      const [row] = await query<{ p95: number | null; samples: number }>(
        db,
        sql`select percentile_disc(0.95) within group (order by latency_ms) as "p95", count(*)::int as "samples"
            from transcriptions where latency_ms is not null and "timestamp" >= ${since} and "timestamp" <= ${now}`,
      );
      return { value: Number(row?.p95 ?? 0), samples: Number(row?.samples ?? 0) };
    }
    case "error_rate":
    case "gemini_key_failures": {
      const [row] = await query<{ conversations: number; errors: number; key_failures: number }>(
        db,
        sql`select count(*)::int as "conversations",
                   count(*) filter (where status = 'ERROR')::int as "errors",
                   count(*) filter (where status = 'ERROR' and error_message = ${MESSAGES.badKey})::int as "key_failures"
            from session_analytics where started_at >= ${since} and started_at <= ${now}`,
      );
      const counts = { conversations: Number(row?.conversations ?? 0), errors: Number(row?.errors ?? 0), keyFailures: Number(row?.key_failures ?? 0) };
      return metric === "error_rate" ? errorRate(counts) : keyFailures(counts);
    }
    case "daily_cost": {
      const byModel = await query<{ model: string; conversations: number; tokens_in: string | number; tokens_out: string | number }>(
        db,
        sql`select model, count(*)::int as "conversations", coalesce(sum(tokens_in), 0) as "tokens_in", coalesce(sum(tokens_out), 0) as "tokens_out"
            from session_analytics where started_at >= ${since} and started_at <= ${now} group by model`,
      );
      return windowCost(byModel.map((r) => ({ model: r.model, conversations: Number(r.conversations), tokensIn: Number(r.tokens_in), tokensOut: Number(r.tokens_out) })));
    }
    case "concurrent_conversations": {
      const fresh = new Date(now.getTime() - STALE_SESSION_MS);
      const [row] = await query<{ open: number }>(
        db,
        sql`select count(*)::int as "open" from live_sessions where status in ('CONNECTING', 'ACTIVE') and last_activity_at >= ${fresh}`,
      );
      return concurrentConversations(Number(row?.open ?? 0));
    }
    case "job_failures": {
      const [row] = await query<{ finished: number; failed: number }>(
        db,
        sql`select count(*)::int as "finished", count(*) filter (where status = 'failed')::int as "failed"
            from jobs where status in ('done', 'failed') and finished_at >= ${since} and finished_at <= ${now}`,
      );
      return jobFailures({ finished: Number(row?.finished ?? 0), failed: Number(row?.failed ?? 0) });
    }
  }
}
