import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api-v1/openapi";
import { appBaseUrl } from "@/lib/env";
import { GET_ONLY } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = GET_ONLY;

/** The API's OpenAPI 3.1 document: public, like the reference page that renders it. */
export function GET(): Response {
  return NextResponse.json(buildOpenApiDocument(appBaseUrl()), { headers: { "cache-control": "public, max-age=300" } });
}
