import "server-only";
import { NextResponse } from "next/server";
import { toPublicError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "./origin";

/**
 * Route handlers answer errors as JSON `{ code, message }` with the mapped status; never a stack.
 * A state-changing request from another origin is refused here, before the handler reads it.
 */
export function withErrors<Args extends unknown[]>(name: string, handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      if (args[0] instanceof Request) assertSameOrigin(args[0]);
      return await handler(...args);
    } catch (error) {
      const { status, body } = toPublicError(error, name);
      const headers = body.retryAfterSeconds !== undefined ? { "Retry-After": String(body.retryAfterSeconds) } : undefined;
      return NextResponse.json(body, { status, headers });
    }
  };
}
