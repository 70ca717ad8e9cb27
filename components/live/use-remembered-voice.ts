import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { GeminiVoice } from "@/lib/gemini/voices";
import type { VoicePreferenceInput } from "@/lib/preferences/schema";

export type RememberVoice = (input: VoicePreferenceInput) => Promise<ActionResult<VoicePreferenceInput>>;

/**
 * The voice picked on Live becomes the user's default (the same preference Settings shows), so
 * the next visit offers it again. `saved` is true once the latest pick is stored.
 */
export function useRememberedVoice(remember: RememberVoice) {
  const [saved, setSaved] = useState(false);
  const latest = useRef(0);

  function pick(voice: GeminiVoice) {
    const attempt = ++latest.current;
    setSaved(false);
    void remember({ defaultVoice: voice })
      .then((result) => attempt === latest.current && setSaved(result.ok))
      .catch(() => {});
  }

  return { saved, pick };
}
