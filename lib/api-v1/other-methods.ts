import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";

/*
 * What /api/v1 answers beyond its documented GETs: a program sending another method, or asking
 * for a path that is not a route, gets the API's JSON error like any other refusal (Next alone
 * would answer an empty 405 or the site's HTML 404 page).
 */

const HEADERS = { "cache-control": "private, no-store" };

function methodNotAllowed(): Response {
  const body = new AppError("method_not_allowed:api", "This route answers GET only: see /api/v1/openapi.json.").toJSON();
  return NextResponse.json(body, { status: 405, headers: { ...HEADERS, allow: "GET, HEAD" } });
}

/** Exported by every GET-only route file: `export const { POST, PUT, PATCH, DELETE } = GET_ONLY;` */
export const GET_ONLY = { POST: methodNotAllowed, PUT: methodNotAllowed, PATCH: methodNotAllowed, DELETE: methodNotAllowed } as const;

/** True for the handlers above, which the API's contract test leaves out of the document. */
export const isMethodNotAllowed = (handler: unknown) => handler === methodNotAllowed;

/** The answer of app/api/v1/[...path]: no such route, whatever the method. */
export function noSuchRoute(): Response {
  const body = new AppError("not_found:api", "No such route: the API's routes are listed in /api/v1/openapi.json.").toJSON();
  return NextResponse.json(body, { status: 404, headers: HEADERS });
}
