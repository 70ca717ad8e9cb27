import { describe, expect, it } from "vitest";

/*
 * A program asking /api/v1 for a path that does not exist gets the API's JSON error
 * (`{ code, message }`), not Next's HTML 404. Wrong methods: app/api/methods.test.ts.
 */

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

describe("/api/v1 answers a path that is not a route in JSON", () => {
  it("404 in JSON for a path that is not a route, whatever the method", async () => {
    const catchAll = (await import("./[...path]/route")) as unknown as Record<string, Handler>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
      const response = await catchAll[method]!(new Request("http://localhost/api/v1/nope", { method }), { params: Promise.resolve({ path: ["nope"] }) });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      if (method !== "HEAD") expect(await response.json()).toEqual({ code: "not_found:api", message: "No such route: the API's routes are listed in /api/v1/openapi.json." });
    }
  });
});
