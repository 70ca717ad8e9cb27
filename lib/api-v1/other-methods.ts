import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { otherMethods as refuseOtherMethods, type Method } from "@/lib/http/other-methods";

/*
 * What /api/v1 answers beyond its documented GETs: a program sending another method, or asking
 * for a path that is not a route, gets the API's JSON error like any other refusal (Next alone
 * would answer an empty 405 or the site's HTML 404 page).
 */

const HEADERS = { "cache-control": "private, no-store" };

/** The 405 handlers of an API route, pointing to the API's document. */
export const otherMethods = <const M extends Method>(...served: M[]) =>
  refuseOtherMethods(served, { code: "method_not_allowed:api", message: `This route answers ${served.join(", ")} only: see /api/v1/openapi.json.` });

/** Exported by every GET-only route file: `export const { POST, PUT, PATCH, DELETE } = GET_ONLY;` */
export const GET_ONLY = otherMethods("GET");

export { isMethodNotAllowed } from "@/lib/http/other-methods";

/** The answer of app/api/v1/[...path]: no such route, whatever the method. */
export function noSuchRoute(): Response {
  const body = new AppError("not_found:api", "No such route: the API's routes are listed in /api/v1/openapi.json.").toJSON();
  return NextResponse.json(body, { status: 404, headers: HEADERS });
}
