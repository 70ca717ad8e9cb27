import type { APIRequestContext, APIResponse, Page, Request } from "@playwright/test";

/*
 * A Next.js server action is a POST to the page's URL with a `Next-Action` header naming the
 * action and its arguments as the body. Tests capture the real request a page makes and send
 * it again, changed, the way an attacker with a browser's devtools could.
 */

export interface CapturedAction {
  url: string;
  actionId: string;
  headers: Record<string, string>;
  body: string;
}

const isServerAction = (request: Request) => request.method() === "POST" && !!request.headers()["next-action"];

/** Runs `trigger` and returns the server action request it made. */
export async function captureServerAction(page: Page, trigger: () => Promise<unknown>): Promise<CapturedAction> {
  const [request] = await Promise.all([page.waitForRequest(isServerAction), trigger()]);
  const headers = request.headers();
  return { url: request.url(), actionId: headers["next-action"] as string, headers, body: request.postData() ?? "" };
}

export interface ActionReply {
  status: number;
  text: string;
  /** The action's return value, when the reply carried one. */
  result?: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
}

/** Sends a captured action again with another body, as whoever `api` is signed in as. */
export async function replayServerAction(api: APIRequestContext, action: CapturedAction, body: unknown): Promise<ActionReply> {
  const response: APIResponse = await api.post(action.url, {
    headers: {
      "next-action": action.actionId,
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(action.url).origin,
    },
    data: typeof body === "string" ? body : JSON.stringify(body),
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), text, result: parseFlightResult(text) };
}

/** The React flight reply is one `id:json` row per line; the action's return value is the row with `ok`. */
export function parseFlightResult(text: string): ActionReply["result"] {
  for (const line of text.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    if (!json.startsWith("{")) continue;
    try {
      const value = JSON.parse(json) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as ActionReply["result"];
    } catch {
      // Not a JSON row (a module or text chunk): keep looking.
    }
  }
  return undefined;
}
