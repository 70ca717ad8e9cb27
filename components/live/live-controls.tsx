"use client";

import { Check, Lock, Mic, MicOff, MonitorOff, MonitorUp, Play, RotateCcw, Square, Video, VideoOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { GEMINI_VOICES, type GeminiVoice } from "@/lib/gemini/voices";
import type { LiveController } from "@/lib/live/contract";
import { isInProgress } from "./format";
import { LevelMeter } from "./level-meter";
import { MediaToggle } from "./media-toggle";

export interface StartChoices {
  voice: GeminiVoice;
  /** null: the default companion (its voice is the one picked here). */
  personaId: string | null;
  micEnabled: boolean;
  cameraEnabled: boolean;
  /** "Don't remember this conversation": nothing is learned from it. */
  memoryOptOut?: boolean;
}

interface Props {
  live: LiveController;
  choices: StartChoices;
  onChoicesChange: (choices: StartChoices) => void;
  onStart: () => void;
  starting: boolean;
  keyLabel: string;
  /** The latest voice picked here is stored as the default for next time. */
  voiceSaved?: boolean;
  /** The user's personas to talk with; a persona brings its own voice. */
  personas?: { id: string; name: string; voice: GeminiVoice }[];
}

export function LiveControls({ live, choices, onChoicesChange, onStart, starting, keyLabel, voiceSaved = false, personas = [] }: Props) {
  const { status } = live;
  const running = isInProgress(status);
  const connected = status === "live" || status === "reconnecting";
  const [busy, setBusy] = useState<"camera" | "screen" | null>(null);

  async function toggle(kind: "camera" | "screen") {
    setBusy(kind);
    try {
      await (kind === "camera" ? live.setCameraOn(!live.cameraOn) : live.setScreenOn(!live.screenOn));
    } finally {
      setBusy(null);
    }
  }

  const micOn = running ? !live.micMuted && !live.micUnavailable : choices.micEnabled && !live.micUnavailable;
  const persona = personas.find((p) => p.id === choices.personaId) ?? null;
  const selectClasses = cn(
    "h-11 w-full rounded-lg border border-border bg-surface px-3 text-[15px] text-fg transition-colors",
    "focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-fg-muted",
  );
  const cameraOn = running ? live.cameraOn : choices.cameraEnabled;

  return (
    <div className="flex flex-col gap-5 p-4 sm:p-5">
      {/* Side by side on a phone, so Start stays within the first screen. */}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-1 lg:gap-5">
      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor="live-persona" className="flex items-center justify-between text-sm font-medium text-fg">
          Talk with
          {running ? (
            <span className="hidden items-center gap-1 text-xs font-normal text-fg-muted sm:inline-flex">
              <Lock aria-hidden className="size-3" />
              Set for this conversation
            </span>
          ) : null}
        </label>
        <select
          id="live-persona"
          value={choices.personaId ?? ""}
          disabled={running}
          onChange={(event) => onChoicesChange({ ...choices, personaId: event.target.value || null })}
          data-testid="live-persona"
          className={selectClasses}
        >
          <option value="">LiveMind</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>

      <div className="flex min-w-0 flex-col gap-1.5">
        <label htmlFor="live-voice" className="flex items-center justify-between text-sm font-medium text-fg">
          Voice
          {running || persona ? (
            <span className="inline-flex items-center gap-1 text-xs font-normal text-fg-muted">
              <Lock aria-hidden className="size-3" />
              <span className="sr-only sm:not-sr-only">{running ? "Set for this conversation" : "The persona's voice"}</span>
            </span>
          ) : voiceSaved ? (
            <span className="inline-flex items-center gap-1 text-xs font-normal text-fg-muted" role="status" data-testid="live-voice-saved">
              <Check aria-hidden className="size-3" />
              Kept for next time
            </span>
          ) : null}
        </label>
        <select
          id="live-voice"
          value={persona?.voice ?? choices.voice}
          disabled={running || persona !== null}
          onChange={(event) => onChoicesChange({ ...choices, voice: event.target.value as GeminiVoice })}
          data-testid="live-voice"
          className={selectClasses}
        >
          {GEMINI_VOICES.map((voice) => (
            <option key={voice.name} value={voice.name}>
              {voice.name} · {voice.character}
            </option>
          ))}
        </select>
      </div>
      </div>

      <div className="grid grid-cols-3 gap-2">
        <MediaToggle
          label={live.micUnavailable ? "Blocked" : running ? (micOn ? "Mute" : "Unmute") : micOn ? "Mic on" : "Mic off"}
          on={micOn}
          onIcon={Mic}
          offIcon={MicOff}
          disabled={live.micUnavailable || status === "ending"}
          title={live.micUnavailable ? "Microphone access was refused. You can still type." : undefined}
          onClick={() => (running ? live.setMicMuted(!live.micMuted) : onChoicesChange({ ...choices, micEnabled: !choices.micEnabled }))}
          testId="live-mic-toggle"
        />
        <MediaToggle
          label="Camera"
          on={cameraOn}
          onIcon={Video}
          offIcon={VideoOff}
          busy={busy === "camera"}
          disabled={running && !connected}
          onClick={() => (running ? void toggle("camera") : onChoicesChange({ ...choices, cameraEnabled: !choices.cameraEnabled }))}
          testId="live-camera-toggle"
        />
        <MediaToggle
          label="Screen"
          on={live.screenOn}
          onIcon={MonitorUp}
          offIcon={MonitorOff}
          busy={busy === "screen"}
          disabled={!connected}
          title={connected ? undefined : "Share a screen once the conversation is live"}
          onClick={() => void toggle("screen")}
          testId="live-screen-toggle"
        />
      </div>

      <div className="flex items-center justify-between gap-3">
        <span className="text-sm text-fg-muted">
          {live.micUnavailable ? "Microphone blocked" : running && micOn ? "Your microphone" : running ? "Muted" : "Microphone idle"}
        </span>
        <LevelMeter level={live.inputLevel} active={running && micOn} />
      </div>

      <label className="flex items-center justify-between gap-3 text-sm text-fg" title={running ? "Set for this conversation" : undefined}>
        <span>Don&apos;t remember this conversation</span>
        <input
          type="checkbox"
          role="switch"
          checked={choices.memoryOptOut ?? false}
          disabled={running}
          onChange={(event) => onChoicesChange({ ...choices, memoryOptOut: event.target.checked })}
          data-testid="live-memory-opt-out"
          className="size-4 accent-accent disabled:cursor-not-allowed"
        />
      </label>

      {running ? (
        <Button
          variant="danger"
          size="lg"
          // The dark theme's danger red is light: dark text keeps the label readable on it.
          className="w-full dark:text-accent-fg"
          onClick={() => void live.stop()}
          pending={status === "ending"}
          data-testid="live-stop"
        >
          {status === "ending" ? null : <Square aria-hidden className="size-4 fill-current" />}
          {status === "ending" ? "Saving…" : "End conversation"}
        </Button>
      ) : (
        <Button size="lg" className="w-full" onClick={onStart} pending={starting} data-testid="live-start">
          {starting ? null : status === "ended" || status === "error" ? <RotateCcw aria-hidden className="size-4" /> : <Play aria-hidden className="size-4 fill-current" />}
          {status === "ended" || status === "error" ? "Start again" : "Start conversation"}
        </Button>
      )}

      <p className="-mt-2 text-center text-xs text-fg-muted">
        {!connected
          ? `Uses ${keyLabel}.`
          : live.micUnavailable
            ? "Type your messages in the box below the conversation."
            : "Speak over your companion any time to interrupt."}
      </p>
    </div>
  );
}
