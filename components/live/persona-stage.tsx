"use client";

import { useEffect, useRef, useState } from "react";
import { PersonaAvatar } from "@/components/personas/persona-avatar";
import { cn } from "@/components/ui/cn";
import type { LiveController } from "@/lib/live/contract";
import { colorClasses } from "@/lib/personas/palette";

export interface StagePersona {
  name: string;
  initials: string;
  color: string;
  /** Set for a persona with an uploaded picture. */
  picture?: { personaId: string; version: number | null } | null;
}

type Phase = "idle" | "listening" | "thinking" | "speaking";

const BARS = 5;
/** Loudness above which the model counts as speaking (the analyser's RMS, scaled 0..1). */
const SPEAKING_LEVEL = 0.02;
/** Mic loudness that counts as the user talking, and how long a pause ends their turn for the visual. */
const MIC_VOICE_LEVEL = 0.04;
const QUIET_MS = 600;
const labels: Record<Phase, string> = { idle: "Ready", listening: "Listening", thinking: "Thinking", speaking: "Speaking" };

/**
 * The companion on stage: its avatar and name, what it is doing, and bars that move with the
 * audio actually playing (read from the analyser on the playback path every frame), so the
 * visual stops the instant playback does, on an interruption too.
 */
export function PersonaStage({ live, persona, className }: { live: LiveController; persona: StagePersona; className?: string }) {
  const bars = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Exclude<Phase, "idle">>("listening");
  const connected = live.status === "live" || live.status === "reconnecting";
  const { outputLevel } = live;
  // The loop reads the latest mic level and turns without restarting on every render.
  const latest = useRef({ inputLevel: 0, userSpokeLast: false });
  useEffect(() => {
    latest.current = { inputLevel: live.inputLevel, userSpokeLast: live.turns.at(-1)?.sender === "user" };
  });

  useEffect(() => {
    if (!connected) return;
    let frame = 0;
    let smoothed = 0;
    let speaking = false;
    let voiceAt = 0;
    const draw = (now: number) => {
      const level = outputLevel();
      smoothed = Math.max(level, smoothed * 0.85);
      const el = bars.current;
      if (el) {
        el.dataset.level = smoothed.toFixed(2);
        Array.from(el.children).forEach((bar, i) => {
          // The middle bars move most: a voice, not a VU meter.
          const weight = 1 - Math.abs(i - (BARS - 1) / 2) / BARS;
          (bar as HTMLElement).style.transform = `scaleY(${(0.18 + Math.min(1, Math.sqrt(smoothed) * 1.6 * weight) * 0.82).toFixed(3)})`;
        });
      }
      speaking = speaking ? smoothed > SPEAKING_LEVEL / 2 : smoothed > SPEAKING_LEVEL;
      const { inputLevel, userSpokeLast } = latest.current;
      if (inputLevel > MIC_VOICE_LEVEL) voiceAt = now;
      // Thinking: the user said something and has been quiet a moment, and no answer plays yet.
      setPhase(speaking ? "speaking" : userSpokeLast && now - voiceAt > QUIET_MS ? "thinking" : "listening");
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [connected, outputLevel]);

  const shown: Phase = connected ? phase : "idle";

  return (
    <div className={cn("flex items-center gap-3 border-b border-border px-4 py-3 sm:px-5", className)} data-testid="persona-stage" data-phase={shown}>
      <div className="relative">
        <span
          aria-hidden
          className={cn("absolute -inset-1 rounded-full opacity-0 transition-opacity", colorClasses(persona.color), shown === "speaking" && "animate-pulse opacity-30", shown === "thinking" && "opacity-15")}
        />
        <PersonaAvatar name={persona.name} initials={persona.initials} color={persona.color} picture={persona.picture} className="relative" />
      </div>
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold" data-testid="persona-stage-name">
          {persona.name}
        </p>
        <p className="text-sm text-fg-muted" role="status" aria-live="polite" data-testid="persona-stage-phase">
          {labels[shown]}
        </p>
      </div>
      <div ref={bars} aria-hidden className={cn("flex h-8 items-center gap-1 transition-opacity", !connected && "opacity-40")} data-testid="persona-voice-bars">
        {Array.from({ length: BARS }, (_, i) => (
          <span key={i} className={cn("h-full w-1.5 origin-center scale-y-[0.18] rounded-full transition-transform duration-75", colorClasses(persona.color))} />
        ))}
      </div>
    </div>
  );
}
