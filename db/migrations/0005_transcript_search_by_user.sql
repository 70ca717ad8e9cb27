-- Search asks the index for one user's matching lines: a GIN index over (user_id, search_vector)
-- needs btree_gin for the text column (PGlite loads it in db/index.ts; Neon and Debian's
-- PostgreSQL ship it). drizzle-kit writes no CREATE EXTENSION, so it is added here by hand.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
ALTER TABLE "transcriptions" ADD COLUMN "user_id" text;--> statement-breakpoint
UPDATE "transcriptions" AS t SET "user_id" = s."user_id" FROM "live_sessions" AS s WHERE s."id" = t."session_id";--> statement-breakpoint
ALTER TABLE "transcriptions" ALTER COLUMN "user_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "transcriptions" ADD CONSTRAINT "transcriptions_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
DROP INDEX "transcriptions_search_idx";--> statement-breakpoint
CREATE INDEX "transcriptions_user_search_idx" ON "transcriptions" USING gin ("user_id","search_vector");
