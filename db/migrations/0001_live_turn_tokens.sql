ALTER TABLE "transcriptions" ADD COLUMN "input_tokens" integer;--> statement-breakpoint
ALTER TABLE "transcriptions" ADD COLUMN "output_tokens" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "live_sessions_one_open_per_user_idx" ON "live_sessions" USING btree ("user_id") WHERE "live_sessions"."status" in ('CONNECTING', 'ACTIVE');