import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";

/*
 * What /api/v1 answers beyond its documented GETs: a program sending another method, or asking
 * for a path that is not a route, gets the API's JSON error like any other refusal (Next alone
 * would answer an empty 405 or the site's HTML 404 page).
 */

const HEADERS = { "cache-control": "private, no-store" };

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const refusals = new WeakSet<object>();

/**
 * The 405 handlers for every method a route file does not serve, for
 * `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");`. `Allow` names what it serves
 * (HEAD with GET, as Next answers it).
 */
export function otherMethods<const M extends Method>(...served: M[]): Record<Exclude<Method, M>, () => Response> {
  const allow = served.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])).join(", ");
  const message = `This route answers ${served.join(", ")} only: see /api/v1/openapi.json.`;
  const refuse = (): Response => NextResponse.json(new AppError("method_not_allowed:api", message).toJSON(), { status: 405, headers: { ...HEADERS, allow } });
  refusals.add(refuse);
  return Object.fromEntries(METHODS.filter((method) => !served.includes(method as M)).map((method) => [method, refuse])) as Record<Exclude<Method, M>, () => Response>;
}

/** Exported by every GET-only route file: `export const { POST, PUT, PATCH, DELETE } = GET_ONLY;` */
export const GET_ONLY = otherMethods("GET");

/** True for the handlers above, which the API's contract test leaves out of the document. */
export const isMethodNotAllowed = (handler: unknown) => typeof handler === "function" && refusals.has(handler);

/** The answer of app/api/v1/[...path]: no such route, whatever the method. */
export function noSuchRoute(): Response {
  const body = new AppError("not_found:api", "No such route: the API's routes are listed in /api/v1/openapi.json.").toJSON();
  return NextResponse.json(body, { status: 404, headers: HEADERS });
}
