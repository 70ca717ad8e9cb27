CREATE TABLE "user_quotas" (
	"user_id" text PRIMARY KEY NOT NULL,
	"concurrent_sessions_limit" integer,
	"monthly_minutes_limit" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_rate_limits" (
	"user_id" text NOT NULL,
	"scope" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "user_rate_limits_user_id_scope_window_start_pk" PRIMARY KEY("user_id","scope","window_start")
);
--> statement-breakpoint
DROP INDEX "live_sessions_one_open_per_user_idx";--> statement-breakpoint
ALTER TABLE "user_quotas" ADD CONSTRAINT "user_quotas_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_rate_limits" ADD CONSTRAINT "user_rate_limits_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_sessions_open_by_user_idx" ON "live_sessions" USING btree ("user_id","started_at") WHERE "live_sessions"."status" in ('CONNECTING', 'ACTIVE');