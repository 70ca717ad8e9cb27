import { getAuth } from "@/lib/auth/server";
import { withErrors } from "@/lib/http/route";

// Through withErrors for its Origin check too; better-auth's own covers only some endpoints.
const handler = withErrors("auth", async (request: Request): Promise<Response> => {
  const auth = await getAuth();
  return auth.handler(request);
});

export { handler as GET, handler as POST };
