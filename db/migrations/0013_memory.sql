CREATE TYPE "public"."job_status" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
ALTER TYPE "public"."memory_kind" ADD VALUE 'person';--> statement-breakpoint
ALTER TYPE "public"."memory_kind" ADD VALUE 'goal';--> statement-breakpoint
ALTER TYPE "public"."memory_kind" ADD VALUE 'event';--> statement-breakpoint
CREATE TABLE "live_tool_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"call_id" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 10 NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
-- HAND-WRITTEN (memory): real[] cannot be cast to bytea, and no row was ever written to this
-- column before this feature, so it is replaced rather than converted.
ALTER TABLE "memories" DROP COLUMN "embedding";--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "embedding" bytea;
-- END HAND-WRITTEN (memory)--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "memory_opt_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "memory_processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "source_sequence" integer;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "pinned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "valid_from" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "valid_to" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "superseded_by" uuid;--> statement-breakpoint
ALTER TABLE "memories" ADD COLUMN "last_confirmed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "live_tool_calls" ADD CONSTRAINT "live_tool_calls_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tool_calls" ADD CONSTRAINT "live_tool_calls_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "live_tool_calls_session_call_idx" ON "live_tool_calls" USING btree ("session_id","call_id");--> statement-breakpoint
CREATE INDEX "live_tool_calls_user_idx" ON "live_tool_calls" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_key_idx" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("next_run_at") WHERE "jobs"."status" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "jobs_user_due_idx" ON "jobs" USING btree ("user_id","next_run_at") WHERE "jobs"."status" in ('pending', 'running');--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_superseded_by_memories_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."memories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memories_user_session_idx" ON "memories" USING btree ("user_id","source_session_id");--> statement-breakpoint
CREATE INDEX "memory_entities_memory_idx" ON "memory_entities" USING btree ("memory_id");