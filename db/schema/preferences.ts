import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { personas } from "./personas";

export const userPreferences = pgTable("user_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  defaultVoice: text("default_voice").notNull().default("Zephyr"),
  cameraEnabled: boolean("camera_enabled").notNull().default(false),
  micEnabled: boolean("mic_enabled").notNull().default(true),
  defaultPersonaId: uuid("default_persona_id").references(() => personas.id, { onDelete: "set null" }),
  memoryEnabled: boolean("memory_enabled").notNull().default(true),
  saveAudio: boolean("save_audio").notNull().default(false),
  saveVideoFrames: boolean("save_video_frames").notNull().default(false),
  mediaRetentionDays: integer("media_retention_days").notNull().default(30),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
