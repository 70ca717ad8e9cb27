import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** false while rendering on the server and hydrating, true after: for output that depends on the browser (its time zone). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
