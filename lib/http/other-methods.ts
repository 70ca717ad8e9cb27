import { NextResponse } from "next/server";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";

/*
 * A route file exports a handler for every method it does not serve, so a wrong method gets a
 * 405 in the app's JSON error shape with `Allow`, not Next's empty 405.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const refusals = new WeakSet<object>();

/** What `Allow` names for the methods a route serves (HEAD with GET, as Next answers it). */
export const allowHeader = (served: readonly Method[]) => served.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])).join(", ");

/**
 * The 405 handlers for every method a route file does not serve:
 * `export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);`
 */
export function otherMethods<const M extends Method>(
  served: M[],
  refusal: { code: ErrorCode; message: string } = { code: "method_not_allowed:input", message: `This address answers ${served.join(", ")} only.` },
): Record<Exclude<Method, M>, () => Response> {
  const allow = allowHeader(served);
  const refuse = (): Response =>
    NextResponse.json(new AppError(refusal.code, refusal.message).toJSON(), { status: 405, headers: { "cache-control": "private, no-store", allow } });
  refusals.add(refuse);
  return Object.fromEntries(METHODS.filter((method) => !served.includes(method as M)).map((method) => [method, refuse])) as Record<Exclude<Method, M>, () => Response>;
}

/** True for the handlers above (tests and the API's document leave them out). */
export const isMethodNotAllowed = (handler: unknown) => typeof handler === "function" && refusals.has(handler);
