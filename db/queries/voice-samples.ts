import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../index";
import { voiceSamples } from "../schema";

/*
 * Cached voice samples. Not user data (the same sample for everyone), so no user filter; the
 * (voice, language) unique key makes generating one twice harmless: the first stored wins.
 */

export interface VoiceSample {
  voice: string;
  language: string;
  sampleRate: number;
  pcm: Uint8Array;
}

export async function getVoiceSample(db: Database, { voice, language }: { voice: string; language: string }): Promise<VoiceSample | null> {
  const [row] = await db
    .select({ voice: voiceSamples.voice, language: voiceSamples.language, sampleRate: voiceSamples.sampleRate, pcm: voiceSamples.pcm })
    .from(voiceSamples)
    .where(and(eq(voiceSamples.voice, voice), eq(voiceSamples.language, language)))
    .limit(1);
  return row ? { ...row, pcm: new Uint8Array(row.pcm) } : null;
}

/** Stores a sample unless one is already there; returns the stored one either way. */
export async function saveVoiceSample(db: Database, sample: VoiceSample): Promise<VoiceSample> {
  await db.insert(voiceSamples).values(sample).onConflictDoNothing({ target: [voiceSamples.voice, voiceSamples.language] });
  const stored = await getVoiceSample(db, sample);
  if (!stored) throw new Error("voice sample vanished after insert");
  return stored;
}
