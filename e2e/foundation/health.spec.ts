import { expect, test } from "@playwright/test";

test("GET /api/health reports the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; database: { reachable: boolean; driver: string } };
  expect(body.status).toBe("ok");
  expect(body.database.reachable).toBe(true);
  // The suite runs on the embedded database, whatever a developer's .env says.
  expect(body.database.driver).toBe("pglite");
});
