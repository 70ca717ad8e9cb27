import { INITIAL, type ConversationState } from "./conversation-state";
import type { LiveStats } from "./contract";

/** How long meter and counter changes may wait before the page hears of them: 20 frames a second. */
const QUIET_PUBLISH_MS = 50;

/**
 * The conversation's immutable state snapshot and its listeners (for useSyncExternalStore):
 * changes that matter are published at once, the meter and counters at most 20 times a second.
 */
export class ConversationStore {
  state: ConversationState = INITIAL;
  private listeners = new Set<() => void>();
  /** A publish of meter and counter changes, pending (see `setQuietly`). */
  private quietPublish: ReturnType<typeof setTimeout> | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConversationState => this.state;

  set(changes: Partial<ConversationState>): void {
    // `limited` describes the error it came with: any change of status without it clears it.
    this.state = { ...this.state, ...(changes.status ? { limited: false } : {}), ...changes };
    this.publish();
  }

  /*
   * The meter and the counters change with every 20 ms chunk each way: published at once, the
   * page would re-render 100 times a second, and the main thread that also takes the model's
   * audio off the socket would fall behind. They are read at once but published at most
   * QUIET_PUBLISH_MS apart (or with the next change that matters).
   */
  setQuietly(changes: Partial<ConversationState>): void {
    this.state = { ...this.state, ...changes };
    this.quietPublish ??= setTimeout(() => this.publish(), QUIET_PUBLISH_MS);
  }

  bumpStats(changes: Partial<LiveStats>): void {
    const next = { ...this.state.stats, ...changes };
    if ((Object.keys(changes) as (keyof LiveStats)[]).every((k) => next[k] === this.state.stats[k])) return;
    this.setQuietly({ stats: next });
  }

  private publish(): void {
    if (this.quietPublish) clearTimeout(this.quietPublish);
    this.quietPublish = null;
    for (const listener of this.listeners) listener();
  }
}
