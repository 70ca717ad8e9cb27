import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { describeEachDriver } from "@/db/test/drivers";
import { toPublicError } from "./app-error";

const MARKER = "private-title-7c1e Ünïcode words";

describeEachDriver("a failed query in the server log", ({ db }) => {
  let logged: string[];
  beforeEach(() => {
    logged = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg, Object.getOwnPropertyNames(arg ?? {})) + String(arg))).join(" "));
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("says the operation and the SQLSTATE, never the parameters or the driver's message", async () => {
    const failure = await db()
      .execute(sql`select ${MARKER}::int as n`)
      .then(() => null, (error: unknown) => error);
    expect(String(failure)).toContain(MARKER);

    const answer = toPublicError(failure, "sessions-rename");
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain(MARKER);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("sessions-rename");
    expect(logged[0]).toContain("22P02");
    expect(logged[0]).not.toContain("private-title");
    expect(logged[0]).not.toContain("invalid input syntax");
  });
});
