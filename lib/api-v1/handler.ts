import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb, type Database } from "@/db";
import { authenticateApiKey, recordApiRequest, takeRateLimit, type AuthenticatedKey } from "@/db/queries/api-keys";
import { API_KEY_PATTERN } from "@/lib/api-keys/key";
import { AppError, fieldErrorsOf, toPublicError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log";
import type { ApiOperation } from "./operations";

/*
 * The one wrapper of every /api/v1 route: Bearer key → scope → per-key rate limit → zod-parsed
 * input → handler, errors as `{ code, message, fieldErrors? }`. Each request made with a valid
 * key is recorded (route template, status, duration, error code; never a body or a query).
 * No Origin check here: a key travels in a header a browser never adds by itself, so a
 * cross-site page cannot spend it.
 */

export interface ApiContext<O extends ApiOperation> {
  db: Database;
  key: AuthenticatedKey;
  userId: string;
  query: z.output<O["query"]>;
  params: z.output<O["params"]>;
  /** The parsed JSON body (operations with a `body` schema). */
  body: O extends { body: z.ZodType } ? z.output<O["body"]> : undefined;
  request: Request;
}

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

const NO_STORE = { "cache-control": "private, no-store" };

export function apiRoute<O extends ApiOperation>(operation: O, handler: (ctx: ApiContext<O>) => Promise<Response | z.input<O["response"]>>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const started = performance.now();
    let key: AuthenticatedKey | null = null;
    let response: Response;
    let errorCode: string | null = null;
    let db: Database | null = null;
    try {
      db = await getDb();
      key = await authenticate(db, request);
      if (!key.scopes.includes(operation.scope)) throw new AppError("forbidden:api", `This key lacks the ${operation.scope} scope.`);
      const limit = await takeRateLimit(db, { keyId: key.keyId, limit: key.rateLimitPerMinute });
      if (!limit.allowed) throw new RateLimited(limit.retryAfterSeconds);
      const query = parse(operation.query, Object.fromEntries(new URL(request.url).searchParams));
      const params = await readParams(operation, context);
      const body = operation.body ? parse(operation.body, await readJson(request)) : undefined;
      const result = await handler({ db, key, userId: key.userId, query, params, body, request } as ApiContext<O>);
      response = result instanceof Response ? result : NextResponse.json(result, { headers: NO_STORE });
    } catch (error) {
      const { status, body } = toPublicError(error, `api ${operation.id}`);
      errorCode = body.code;
      const headers: Record<string, string> = { ...NO_STORE };
      if (status === 401) headers["www-authenticate"] = 'Bearer realm="livemind"';
      if (error instanceof RateLimited) headers["retry-after"] = String(error.retryAfterSeconds);
      response = NextResponse.json(body, { status, headers });
    }
    if (key && db) {
      const outcome = { keyId: key.keyId, userId: key.userId, method: request.method, route: operation.path, status: response.status, durationMs: performance.now() - started, errorCode };
      // A failed record must not fail the answer it describes.
      await recordApiRequest(db, outcome).catch((error: unknown) => logError("api: record request", error));
    }
    return response;
  };
}

class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limit:api", `Too many requests with this key: try again in ${retryAfterSeconds} s.`);
  }
}

async function authenticate(db: Database, request: Request): Promise<AuthenticatedKey> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError("unauthorized:api", "Send an API key as `Authorization: Bearer lm_…`.");
  const presented = match[1]!;
  const key = API_KEY_PATTERN.test(presented) ? await authenticateApiKey(db, { key: presented }) : null;
  if (!key) throw new AppError("unauthorized:api", "This API key is not valid: it may have been revoked or have expired.");
  return key;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:input", "Some of the parameters are not valid.", { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

// Path ids are opaque to a caller: one that cannot exist is "not found", like another user's.
async function readParams<O extends ApiOperation>(operation: O, context?: RouteContext): Promise<z.output<O["params"]>> {
  const raw = (await context?.params) ?? {};
  const parsed = operation.params.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found:api");
  return parsed.data as z.output<O["params"]>;
}

const MAX_BODY_BYTES = 16_384;

// A body that is too big or not JSON is the caller's mistake: a clear 4xx, never a 500.
async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("bad_request:input", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:input", "The body must be JSON.");
  }
}
