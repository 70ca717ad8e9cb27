import { expect } from "@playwright/test";
import type { DoubleScript } from "../gemini-double/script";
import type { ReceivedSnapshot } from "../gemini-double/recorder";
import { GEMINI_DOUBLE_URL } from "../support/ports";

/*
 * The live specs' handle on the Gemini Live test double that Playwright started as a webServer:
 * its control endpoints, over HTTP (the double runs in another process).
 */

async function call(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${GEMINI_DOUBLE_URL}${path}`, init);
  const body = (await response.json()) as unknown;
  expect(response.status, `${init?.method ?? "GET"} ${path}: ${JSON.stringify(body)}`).toBe(200);
  return body;
}

export const geminiDouble = {
  /** Forgets what was received (older connections stop being recorded) and restores the default script. */
  reset: async (): Promise<void> => {
    await call("/__double/reset", { method: "POST" });
  },
  script: async (script: DoubleScript): Promise<void> => {
    await call("/__double/script", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(script) });
  },
  received: async (): Promise<ReceivedSnapshot> => (await call("/__double/received")) as ReceivedSnapshot,
};
