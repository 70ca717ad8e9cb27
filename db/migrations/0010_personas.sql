CREATE TABLE "voice_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"voice" text NOT NULL,
	"language" text NOT NULL,
	"sample_rate" integer NOT NULL,
	"pcm" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "personas_user_idx";--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "color" text DEFAULT 'violet' NOT NULL;--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "language" text DEFAULT 'en-US' NOT NULL;--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "personality" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "uses_memory" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "affective_dialog" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "personas" ADD COLUMN "proactive_audio" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "persona_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "voice_samples_voice_language_key" ON "voice_samples" USING btree ("voice","language");--> statement-breakpoint
CREATE INDEX "personas_user_idx" ON "personas" USING btree ("user_id","created_at");--> statement-breakpoint
-- HAND-WRITTEN (personas): conversations that already name a persona keep its current name as their snapshot.
UPDATE "live_sessions" AS s SET "persona_name" = p."name" FROM "personas" AS p WHERE p."id" = s."persona_id" AND s."persona_name" IS NULL;
