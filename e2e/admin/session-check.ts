import { request } from "@playwright/test";
import { APP_BASE_URL } from "../support/ports";

/** Whose session a storage state's cookie still opens, as the server sees it (null: none). */
export async function sessionEmail(storageState: string): Promise<string | null> {
  const api = await request.newContext({ baseURL: APP_BASE_URL, storageState });
  try {
    const response = await api.get("/api/auth/get-session");
    const body = (await response.json()) as { user?: { email?: string } } | null;
    return body?.user?.email ?? null;
  } finally {
    await api.dispose();
  }
}
