import { describe, expect, it, vi } from "vitest";
import { appBaseUrl } from "@/lib/env";
import { withErrors } from "./route";

vi.mock("server-only", () => ({}));

const handler = vi.fn(async (_request: Request) => Response.json({ stored: true }));
const route = withErrors("test", handler);

function call(method: string, headers: Record<string, string>) {
  return route(new Request(`${appBaseUrl()}/api/live/sessions/x/turns`, { method, headers, ...(method === "GET" ? {} : { body: "{}" }) }));
}

describe("withErrors' Origin check", () => {
  it.each([
    ["another port of the same host (same site)", { origin: "http://localhost:1", "sec-fetch-site": "same-site" }],
    ["another site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["an opaque origin (sandboxed frame, data: URL)", { origin: "null" }],
    ["a same-site fetch that hides its Origin", { "sec-fetch-site": "same-site" }],
    ["a foreign Origin claiming same-origin", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
  ])("refuses a write from %s with 403, before the handler runs", async (_label, headers) => {
    handler.mockClear();
    const response = await call("POST", headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: "forbidden:origin", message: "This request came from another site and was refused." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets our own pages write, sendBeacon included, and programs without a browser", async () => {
    const beacon = { origin: appBaseUrl(), "sec-fetch-site": "same-origin", "content-type": "text/plain;charset=UTF-8" };
    for (const headers of [beacon, { origin: appBaseUrl() }, {}] as Record<string, string>[]) {
      expect((await call("POST", headers)).status).toBe(200);
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect((await call(method, { origin: "http://localhost:1" })).status).toBe(403);
    }
  });

  it("leaves reads alone: a cross-origin GET cannot change anything", async () => {
    expect((await call("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(200);
  });
});

describe("withErrors' answer to a limit", () => {
  it("is the AppError's status with Retry-After, and no header for other errors", async () => {
    const { AppError } = await import("@/lib/errors/app-error");
    const limited = withErrors("test", async (_request: Request): Promise<Response> => {
      throw new AppError("rate_limit:token", "Slow down.", { retryAfterSeconds: 41.2 });
    });
    const response = await limited(new Request(`${appBaseUrl()}/x`));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toEqual({ code: "rate_limit:token", message: "Slow down.", retryAfterSeconds: 42 });

    const missing = withErrors("test", async (_request: Request): Promise<Response> => {
      throw new AppError("not_found:session");
    });
    const plain = await missing(new Request(`${appBaseUrl()}/x`));
    expect(plain.status).toBe(404);
    expect(plain.headers.get("retry-after")).toBeNull();
  });
});
