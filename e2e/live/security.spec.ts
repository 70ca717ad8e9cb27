import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_REPLY_TEXT } from "../gemini-double/constants";
import { expect, test } from "../fixtures/test";
import { APP_BASE_URL } from "../support/ports";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { storedSession } from "./stored-session";

/*
 * A whole conversation under the Content-Security-Policy (worklets, the Live socket, camera
 * frames, replayable media), with no violation reported; and, while it is open, a page on
 * another port of localhost (same site, so the user's cookie goes along) tries to slip a turn
 * into it with a no-cors fetch: refused, nothing stored.
 */

test.describe.configure({ mode: "serial" });

const PLANTED = "planted by another site";
let attacker: Server;
let attackerOrigin: string;

test.beforeAll(async () => {
  attacker = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><title>Elsewhere</title><p>Another site on localhost.</p>");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "localhost", resolve));
  attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

test.beforeEach(async () => {
  await geminiDouble.reset();
});

test("a conversation runs under the CSP with no violation, and another origin cannot add a turn to it", async ({ newUser }) => {
  const { page, context } = await newUser("Live CSP");
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });

  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  await live.setCamera(true);
  const sessionId = await live.startConversation();
  await expect(live.turn("model", { final: true }).first()).toContainText(DEFAULT_REPLY_TEXT, { timeout: 30_000 });

  // The other port, in the same browser: its fetch carries the user's cookie.
  const elsewhere = await context.newPage();
  await elsewhere.goto(attackerOrigin);
  const sent = await elsewhere.evaluate(
    async ({ url, text }) => {
      const turn = { sequenceNumber: 900, sender: "user", text, startOffsetMs: 0, endOffsetMs: 10, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null };
      const response = await fetch(url, { method: "POST", mode: "no-cors", credentials: "include", body: JSON.stringify({ turns: [turn] }) });
      return response.type;
    },
    { url: `${APP_BASE_URL}/api/live/sessions/${sessionId}/turns`, text: PLANTED },
  );
  expect(sent).toBe("opaque");
  await elsewhere.close();

  await live.muteAndLetAnswersFinish();
  await live.waitForTurnsStored();
  await live.stopConversation();

  const stored = await storedSession(page.request, sessionId);
  expect(stored.turns.length).toBeGreaterThan(0);
  expect(stored.turns.map((turn) => turn.text)).not.toContain(PLANTED);
  expect(stored.turns.map((turn) => turn.sequenceNumber)).not.toContain(900);

  // Replay plays the stored conversation under the same policy.
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByTestId("replay-transcript")).toContainText(DEFAULT_REPLY_TEXT);
  expect(violations).toEqual([]);
});
