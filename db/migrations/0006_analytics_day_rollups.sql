-- The per-zone daily rollups now carry every cross-user tile, not only response times. The old
-- latency-only table was a cache: it is dropped, and the new one fills on the next view.
CREATE TABLE "analytics_day_rollups" (
	"time_zone" text NOT NULL,
	"day" date NOT NULL,
	"revision" bigint NOT NULL,
	"conversations" integer NOT NULL,
	"seconds" bigint NOT NULL,
	"turns" bigint NOT NULL,
	"interruptions" bigint NOT NULL,
	"errors" integer NOT NULL,
	"tokens_in" bigint NOT NULL,
	"tokens_out" bigint NOT NULL,
	"latency_sum_ms" bigint NOT NULL,
	"samples" integer NOT NULL,
	"p50" integer,
	"p95" integer,
	"p99" integer,
	"user_ids" text[] NOT NULL,
	"latencies_ms" integer[] NOT NULL,
	"latency_counts" integer[] NOT NULL,
	"hours" integer[] NOT NULL,
	"model_tokens" jsonb NOT NULL,
	"voices" jsonb NOT NULL,
	"models" jsonb NOT NULL,
	"personas" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_day_rollups_time_zone_day_pk" PRIMARY KEY("time_zone","day")
);
--> statement-breakpoint
DROP TABLE "latency_day_rollups" CASCADE;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "error_message" text;--> statement-breakpoint
-- Failed conversations written before this migration: copy the message they ended with.
UPDATE "session_analytics" AS sa SET "error_message" = ls."last_error_message"
FROM "live_sessions" AS ls WHERE ls."id" = sa."session_id" AND sa."status" = 'ERROR';--> statement-breakpoint
CREATE INDEX "session_analytics_errors_started_idx" ON "session_analytics" USING btree ("started_at","error_message") WHERE "session_analytics"."status" = 'ERROR';