"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { LiveActions, LiveController } from "./contract";
import { LiveConversation } from "./live-conversation";
import { PersistenceQueue } from "./persistence-queue";
import { UploadQueue } from "./upload-queue";

/**
 * The Live page's handle on a conversation. All behaviour lives in LiveConversation; this
 * only subscribes to its state, sends leftovers of earlier pages, and listens for `pagehide`.
 */
export function useLiveSession(actions: LiveActions): LiveController {
  const [conversation] = useState(() => new LiveConversation(actions));
  const state = useSyncExternalStore(conversation.subscribe, conversation.getSnapshot, conversation.getSnapshot);

  useEffect(() => {
    // A conversation this tab held before a reload is offered to continue (after mount: sessionStorage).
    const continuing = conversation.checkForContinuation();
    // Turns and recorded media an earlier page (reload, crash, closed tab) could not deliver.
    const current = conversation.getSnapshot().sessionId ?? undefined;
    PersistenceQueue.recoverLeftovers({}, current, continuing ?? undefined).catch((error: unknown) => console.warn("could not send turns left from an earlier page", error));
    UploadQueue.recoverLeftovers({}, current).catch((error: unknown) => console.warn("could not send recordings left from an earlier page", error));
    const onPageHide = () => conversation.pageHide();
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      conversation.dispose();
    };
  }, [conversation]);

  const controls = useMemo(
    () => ({
      start: conversation.start.bind(conversation),
      stop: conversation.stop.bind(conversation),
      retry: conversation.retry.bind(conversation),
      setMicMuted: conversation.setMicMuted.bind(conversation),
      setCameraOn: conversation.setCameraOn.bind(conversation),
      setScreenOn: conversation.setScreenOn.bind(conversation),
      sendText: conversation.sendText.bind(conversation),
      continueConversation: conversation.continueConversation.bind(conversation),
      endPrevious: conversation.endPrevious.bind(conversation),
      outputLevel: conversation.outputLevel.bind(conversation),
    }),
    [conversation],
  );

  return { ...state, ...controls };
}
