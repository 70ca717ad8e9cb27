import "server-only";
import { NextResponse } from "next/server";
import { toPublicError } from "@/lib/errors/app-error";

/** Route handlers answer errors as JSON `{ code, message }` with the mapped status; never a stack. */
export function withErrors<Args extends unknown[]>(name: string, handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const { status, body } = toPublicError(error, name);
      return NextResponse.json(body, { status });
    }
  };
}
