import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowHeader, isMethodNotAllowed, type Method } from "@/lib/http/other-methods";

/*
 * Every route of the app (better-auth's router aside) answers a method it does not serve with a
 * 405 that says what it serves, in the app's JSON error shape; /api/v1's points to its document.
 */

const root = path.resolve(import.meta.dirname);
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const routeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "auth" || entry.name.startsWith("[...") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

describe("app routes answer a wrong method in JSON", async () => {
  const modules = await Promise.all(
    routeFiles(root).map(async (file) => ({ file: path.relative(root, file), module: (await import(file)) as Record<string, Handler | undefined> })),
  );

  it("405 with Allow and a message naming what the route serves, for every other method", async () => {
    expect(modules.length).toBeGreaterThan(20);
    for (const { file, module } of modules) {
      const served = METHODS.filter((method) => typeof module[method] === "function" && !isMethodNotAllowed(module[method]));
      expect(served.length, file).toBeGreaterThan(0);
      for (const method of METHODS.filter((m) => !served.includes(m))) {
        const handler = module[method];
        expect(handler, `${method} ${file}`).toBeTypeOf("function");
        const response = await handler!(new Request("http://localhost/api/x", { method, ...(method === "GET" ? {} : { body: "{}" }) }), { params: Promise.resolve({ id: "x" }) });
        expect({ file, method, status: response.status, allow: response.headers.get("allow"), body: await response.json() }).toEqual({
          file,
          method,
          status: 405,
          allow: allowHeader(served),
          body: file.startsWith("v1/")
            ? { code: "method_not_allowed:api", message: `This route answers ${served.join(", ")} only: see /api/v1/openapi.json.` }
            : { code: "method_not_allowed:input", message: `This address answers ${served.join(", ")} only.` },
        });
      }
    }
  });
});
