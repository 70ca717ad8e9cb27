import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/lib/api-keys/key";
import { isMethodNotAllowed } from "@/lib/api-v1/other-methods";
import { buildOpenApiDocument } from "@/lib/api-v1/openapi";

/*
 * The contract between the route files under app/api/v1 and the OpenAPI document: every route
 * file and method is documented, every documented operation has a route file, and each states
 * its scope and the error answers. (v1-routes.test.ts checks the answers against the document.)
 */

const root = path.resolve(import.meta.dirname);
// The document itself, and the catch-all that answers the API's JSON 404 for any other path.
const UNDOCUMENTED = new Set(["/api/v1/openapi.json", "/api/v1/{...path}"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

// app/api/v1/sessions/[id]/export/route.ts → /api/v1/sessions/{id}/export
const toPath = (file: string) => `/api/v1/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "").replace(/\[([^\]]+)\]/g, "{$1}");

describe("the /api/v1 route files and the OpenAPI document agree", async () => {
  const document = buildOpenApiDocument("https://livemind.example") as unknown as {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown; "x-required-scope": string; parameters?: { in: string; name: string }[]; responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  const routes = await Promise.all(
    routeFiles(root).map(async (file) => ({ path: toPath(file), methods: Object.entries(await import(file)).filter(([name, handler]) => METHODS.includes(name) && !isMethodNotAllowed(handler)).map(([name]) => name) })),
  );

  it("is OpenAPI 3.1 with a bearer scheme", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents every route file and method, and nothing else", () => {
    const fromFiles = routes.filter((r) => !UNDOCUMENTED.has(r.path)).flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
    const fromDocument = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(fromFiles.length).toBeGreaterThan(0);
    expect(fromDocument).toEqual(fromFiles);
  });

  it("states each operation's scope, its path parameters and its error answers", () => {
    for (const [p, ops] of Object.entries(document.paths)) {
      for (const op of Object.values(ops)) {
        expect(API_SCOPES).toContain(op["x-required-scope"]);
        expect(op.security).toEqual([{ apiKey: [op["x-required-scope"]] }]);
        const pathParams = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        expect((op.parameters ?? []).filter((param) => param.in === "path").map((param) => param.name)).toEqual(pathParams);
        expect(Object.keys(op.responses).sort()).toEqual(["200", "400", "401", "403", "404", "429"]);
      }
    }
  });
});
