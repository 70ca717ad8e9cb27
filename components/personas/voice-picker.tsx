"use client";

import { Check, Loader2, Play, Square } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { GEMINI_VOICES, type GeminiVoice } from "@/lib/gemini/voices";

type SampleState = { voice: GeminiVoice; phase: "loading" | "playing" } | null;

/**
 * Every prebuilt voice, each with a sample to hear before choosing. The sample is fetched from
 * our route (generated once by the Gemini speech model, then cached) in the persona's language.
 */
export function VoicePicker({ value, language, onChange }: { value: GeminiVoice; language: string; onChange: (voice: GeminiVoice) => void }) {
  const [sample, setSample] = useState<SampleState>(null);
  const [heard, setHeard] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);
  const urls = useRef(new Map<string, string>());

  useEffect(() => {
    const cache = urls.current;
    return () => {
      audio.current?.pause();
      for (const url of cache.values()) URL.revokeObjectURL(url);
    };
  }, []);

  function stop() {
    audio.current?.pause();
    setSample(null);
  }

  async function play(voice: GeminiVoice) {
    if (sample?.voice === voice) return stop();
    audio.current?.pause();
    setError(null);
    setSample({ voice, phase: "loading" });
    const key = `${voice}|${language}`;
    try {
      let url = urls.current.get(key);
      if (!url) {
        const response = await fetch(`/api/voices/${voice}/sample?language=${encodeURIComponent(language)}`);
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string } | null;
          throw new Error(body?.message ?? "The sample could not be loaded.");
        }
        url = URL.createObjectURL(await response.blob());
        urls.current.set(key, url);
      }
      const element = new Audio(url);
      audio.current = element;
      element.onended = () => setSample((s) => (s?.voice === voice ? null : s));
      await element.play();
      setHeard((set) => new Set(set).add(voice));
      setSample((s) => (s?.voice === voice ? { voice, phase: "playing" } : s));
    } catch (caught) {
      setSample(null);
      setError(caught instanceof Error && caught.name !== "NotAllowedError" ? caught.message : "The sample could not be played.");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div role="radiogroup" aria-label="Voice" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {GEMINI_VOICES.map((voice) => {
          const selected = value === voice.name;
          const state = sample?.voice === voice.name ? sample.phase : null;
          return (
            <div
              key={voice.name}
              className={cn(
                "relative flex items-center gap-1 rounded-xl border transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                selected ? "border-accent bg-accent-soft" : "border-border hover:bg-surface-muted",
              )}
            >
              <label className="flex min-w-0 flex-1 cursor-pointer flex-col py-2 pl-3">
                <input
                  type="radio"
                  name="voice"
                  value={voice.name}
                  checked={selected}
                  onChange={() => onChange(voice.name)}
                  className="sr-only"
                  data-testid={`persona-voice-${voice.name}`}
                />
                <span className={cn("flex items-center gap-1 truncate text-sm font-medium", selected && "text-accent")}>
                  {voice.name}
                  {selected ? <Check aria-hidden className="size-3.5 shrink-0" /> : null}
                </span>
                <span className="truncate text-xs text-fg-muted">{voice.character}</span>
              </label>
              <button
                type="button"
                onClick={() => void play(voice.name)}
                aria-label={state === "playing" ? `Stop the ${voice.name} sample` : `Hear ${voice.name}`}
                className="mr-1.5 grid size-9 shrink-0 place-items-center rounded-full text-fg-muted hover:bg-surface hover:text-fg"
                data-testid={`voice-sample-${voice.name}`}
                data-state={state ?? (heard.has(voice.name) ? "heard" : "idle")}
              >
                {state === "loading" ? <Loader2 aria-hidden className="size-4 animate-spin" /> : state === "playing" ? <Square aria-hidden className="size-3.5 fill-current" /> : <Play aria-hidden className="size-4" />}
              </button>
            </div>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger" data-testid="voice-sample-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
