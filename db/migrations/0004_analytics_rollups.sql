CREATE TABLE "analytics_revisions" (
	"utc_day" date PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "latency_day_rollups" (
	"time_zone" text NOT NULL,
	"day" date NOT NULL,
	"revision" bigint NOT NULL,
	"latencies_ms" integer[] NOT NULL,
	"counts" integer[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "latency_day_rollups_time_zone_day_pk" PRIMARY KEY("time_zone","day")
);
--> statement-breakpoint
DROP INDEX "session_analytics_user_created_idx";--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "status" "session_status";--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "duration_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "model" text;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "voice" text;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "persona_id" uuid;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "latencies_ms" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD COLUMN "latency_sum_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows written before this migration: copy the session's facts and its model turns' latencies.
UPDATE "session_analytics" AS sa SET
	"started_at" = ls."started_at",
	"status" = ls."status",
	"duration_seconds" = coalesce(ls."total_duration_seconds", 0),
	"model" = ls."model",
	"voice" = ls."voice",
	"persona_id" = ls."persona_id",
	"latencies_ms" = coalesce(t."latencies", '{}'),
	"latency_sum_ms" = coalesce(t."latency_sum", 0)
FROM "live_sessions" AS ls
LEFT JOIN LATERAL (
	SELECT array_agg("latency_ms" ORDER BY "latency_ms") AS "latencies", sum("latency_ms") AS "latency_sum"
	FROM "transcriptions"
	WHERE "session_id" = ls."id" AND "sender" = 'model' AND "latency_ms" IS NOT NULL
) AS t ON true
WHERE ls."id" = sa."session_id";--> statement-breakpoint
ALTER TABLE "session_analytics" ALTER COLUMN "started_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_analytics" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_analytics" ALTER COLUMN "model" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_analytics" ALTER COLUMN "voice" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_analytics" ADD CONSTRAINT "session_analytics_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_analytics_user_started_idx" ON "session_analytics" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "session_analytics_started_idx" ON "session_analytics" USING btree ("started_at");
--> statement-breakpoint
-- Every change to a session's analytics (end, late turns, backfill, cascade on erasure) bumps the
-- revision of the UTC day it started, which invalidates the latency rollups of the days around it.
CREATE FUNCTION "bump_analytics_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO "analytics_revisions" ("utc_day", "revision") VALUES ((OLD."started_at" AT TIME ZONE 'UTC')::date, 1)
		ON CONFLICT ("utc_day") DO UPDATE SET "revision" = "analytics_revisions"."revision" + 1;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO "analytics_revisions" ("utc_day", "revision") VALUES ((NEW."started_at" AT TIME ZONE 'UTC')::date, 1)
		ON CONFLICT ("utc_day") DO UPDATE SET "revision" = "analytics_revisions"."revision" + 1;
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "session_analytics_revision" AFTER INSERT OR UPDATE OR DELETE ON "session_analytics"
	FOR EACH ROW EXECUTE FUNCTION "bump_analytics_revision"();
