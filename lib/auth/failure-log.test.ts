import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, expect, it, vi } from "vitest";
import { schema, type Database } from "@/db";

/*
 * When the database fails under better-auth (down, or a statement it cannot run), the server log
 * gets the error's codes only (lib/errors/log.ts), as for every route: better-auth's own logging
 * would print the failed statement with its values (emails, tokens).
 */

const restoreEnv = vi.hoisted(() => {
  const before = process.env.BETTER_AUTH_SECRET;
  process.env.BETTER_AUTH_SECRET = "test-secret-".padEnd(40, "f");
  return () => {
    if (before === undefined) delete process.env.BETTER_AUTH_SECRET;
    else process.env.BETTER_AUTH_SECRET = before;
  };
});
afterAll(restoreEnv);

const { createAuth } = await import("./server");
const { withErrors } = await import("@/lib/http/route");
const { appBaseUrl } = await import("@/lib/env");

it("answers a database failure with our 500 and logs no statement, no value", async () => {
  // A database with only the rate-limit table: the request gets into the endpoint, whose statements fail.
  const client = new PGlite();
  await client.exec(`create table rate_limit (id text primary key, key text not null unique, count integer not null, last_request bigint not null)`);
  const auth = createAuth(drizzle({ client, schema }) as unknown as Database);
  const logged: string[] = [];
  for (const level of ["error", "warn", "info", "log"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${JSON.stringify(arg)}` : String(arg))).join(" ")));
  }
  const handler = withErrors("auth", (request: Request) => auth.handler(request));
  const response = await handler(
    new Request(`${appBaseUrl()}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appBaseUrl() },
      body: JSON.stringify({ email: "secret-person@example.com", password: "correct horse battery" }),
    }),
  );
  expect(response.status).toBe(500);
  expect(await response.json()).toEqual({ code: "unavailable:api", message: "Something went wrong on our side. Please try again." });
  expect(logged.length).toBeGreaterThan(0);
  for (const line of logged) {
    expect(line).not.toMatch(/secret-person|select|insert|"user"|"session"|"rate_limit"/i);
  }
  vi.restoreAllMocks();
  await client.close();
});
