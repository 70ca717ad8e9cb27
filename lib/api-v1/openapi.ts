import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_OPERATIONS, type ApiOperation } from "./operations";
import { errorBody } from "./schemas";

/*
 * The OpenAPI 3.1 document of /api/v1, generated from the operations table and the zod
 * schemas the routes validate with: it cannot describe a parameter the routes do not read.
 */

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorBody } } });

function operationObject(op: ApiOperation) {
  const hasQuery = Object.keys(op.query.shape).length > 0;
  const hasPath = Object.keys(op.params.shape).length > 0;
  const content: Record<string, { schema: ApiOperation["response"] } | { schema: { type: "string" } }> = { "application/json": { schema: op.response } };
  for (const type of op.alsoProduces ?? []) content[type] = { schema: { type: "string" } };
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.path.split("/")[3] ?? "api"],
    security: [{ apiKey: [op.scope] }],
    "x-required-scope": op.scope,
    requestParams: { ...(hasQuery ? { query: op.query } : {}), ...(hasPath ? { path: op.params } : {}) },
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
    responses: {
      "200": { description: "OK", content },
      "400": errorResponse("Invalid parameters (`bad_request:input`, with fieldErrors)."),
      "401": errorResponse("No key, or a revoked, expired or unknown key (`unauthorized:api`)."),
      "403": errorResponse(`The key lacks the \`${op.scope}\` scope (\`forbidden:api\`).`),
      "404": errorResponse("Not found, or not yours (`not_found:*`)."),
      "429": {
        ...errorResponse("Too many requests with this key (`rate_limit:api`)."),
        headers: { "Retry-After": { description: "Seconds until the key's next window.", schema: { type: "integer" as const } } },
      },
    },
  };
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of Object.values(API_OPERATIONS) as ApiOperation[]) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "LiveMind API",
      version: "1.0.0",
      description:
        "Read your conversations, transcripts, insights and memories, and add or delete memories, from your own programs. Create a key in Settings → API keys and send it as `Authorization: Bearer lm_…`. Each route needs one scope; each key has a per-minute rate limit (429 with Retry-After). Errors are `{ code, message, fieldErrors? }`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys (lm_…)." } } },
    paths,
  });
}
