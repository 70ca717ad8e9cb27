import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMethodNotAllowed } from "@/lib/api-v1/other-methods";

/*
 * A program calling /api/v1 with the wrong method or a path that does not exist gets the API's
 * JSON error (`{ code, message }`), as for every other refusal, not Next's empty 405 or HTML 404.
 */

const root = path.resolve(import.meta.dirname);
const routeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

describe("/api/v1 answers a wrong method or path in JSON", async () => {
  const modules = await Promise.all(
    routeFiles(root)
      .filter((file) => !file.includes("[..."))
      .map(async (file) => ({ file: path.relative(root, file), module: (await import(file)) as Record<string, Handler | undefined> })),
  );

  it("405 with Allow naming what the route serves, and a JSON body, for every other method on every route", async () => {
    expect(modules.length).toBeGreaterThan(4);
    for (const { file, module } of modules) {
      const served = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => typeof module[method] === "function" && !isMethodNotAllowed(module[method]));
      expect(served.length, file).toBeGreaterThan(0);
      const allow = served.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])).join(", ");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !served.includes(m))) {
        const handler = module[method];
        expect(handler, `${method} ${file}`).toBeTypeOf("function");
        const response = await handler!(new Request("http://localhost/api/v1/x", { method, ...(method === "GET" ? {} : { body: "{}" }) }), { params: Promise.resolve({ id: "x" }) });
        expect({ file, method, status: response.status, allow: response.headers.get("allow"), body: await response.json() }).toEqual({
          file,
          method,
          status: 405,
          allow,
          body: { code: "method_not_allowed:api", message: `This route answers ${served.join(", ")} only: see /api/v1/openapi.json.` },
        });
      }
    }
  });

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
