import { noSuchRoute } from "@/lib/api-v1/other-methods";

export const dynamic = "force-dynamic";

// Any path under /api/v1 that no route file serves: the API's JSON 404, not the site's HTML page.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE, noSuchRoute as HEAD, noSuchRoute as OPTIONS };
