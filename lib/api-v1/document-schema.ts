import { z } from "zod";

/*
 * Tests only: the JSON Schema the OpenAPI document states for an answer, turned back into a zod
 * validator. Checking real answers against it (not against the zod source) proves the document
 * says what the routes do.
 */

type Json = Record<string, unknown>;

function inlineRefs(node: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, components));
  if (!node || typeof node !== "object") return node;
  const ref = (node as Json).$ref;
  if (typeof ref === "string") {
    const name = ref.replace("#/components/schemas/", "");
    if (!(name in components)) throw new Error(`Unresolved $ref ${ref}`);
    return inlineRefs(components[name], components);
  }
  return Object.fromEntries(Object.entries(node as Json).map(([key, value]) => [key, inlineRefs(value, components)]));
}

export function documentedResponse(document: Json, path: string, method: string, status: string, contentType = "application/json"): z.ZodType {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const operation = paths[path]?.[method];
  if (!operation) throw new Error(`The document has no ${method.toUpperCase()} ${path}`);
  const responses = operation.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
  const schema = responses[status]?.content?.[contentType]?.schema;
  if (!schema) throw new Error(`The document has no ${status} ${contentType} answer for ${method.toUpperCase()} ${path}`);
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, unknown>;
  return z.fromJSONSchema(inlineRefs(schema, components) as Parameters<typeof z.fromJSONSchema>[0]);
}
