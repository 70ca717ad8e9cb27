-- The per-zone daily rollups now carry every cross-user tile, not only response times: the old
-- latency-only table is a cache, so it is dropped and the new one fills on the next view.
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
CREATE INDEX "session_analytics_errors_started_idx" ON "session_analytics" USING btree ("started_at") WHERE "session_analytics"."status" = 'ERROR';