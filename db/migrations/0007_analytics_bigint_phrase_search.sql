ALTER TABLE "session_analytics" ALTER COLUMN "tokens_in" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "session_analytics" ALTER COLUMN "tokens_out" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "client_stats" jsonb;--> statement-breakpoint
ALTER TABLE "transcriptions" ADD COLUMN "search_vector_simple" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', "text")) STORED;--> statement-breakpoint
CREATE INDEX "transcriptions_user_search_simple_idx" ON "transcriptions" USING gin ("user_id","search_vector_simple");