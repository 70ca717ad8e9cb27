import { describe, expect, it } from "vitest";
import { pickDriver } from "./index";

describe("pickDriver", () => {
  it("uses the embedded PGlite without a DATABASE_URL", () => {
    expect(pickDriver(undefined, "auto")).toBe("pglite");
  });

  it("uses Neon's WebSocket driver for Neon hosts", () => {
    expect(pickDriver("postgresql://app:pw@ep-cool-snow-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require", "auto")).toBe("neon");
    expect(pickDriver("postgres://app:pw@ep-x-pooler.us-east-2.aws.neon.build/db", "auto")).toBe("neon");
  });

  it("uses node-postgres for any other server, including look-alike hosts", () => {
    expect(pickDriver("postgres://postgres@localhost:5432/livemind", "auto")).toBe("pg");
    expect(pickDriver("postgresql://u:p@db.example.com/app", "auto")).toBe("pg");
    expect(pickDriver("postgres://u:p@neon.tech.evil.example/app", "auto")).toBe("pg");
    expect(pickDriver("postgres://u:p@myneon.tech/app", "auto")).toBe("pg");
  });

  it("obeys a forced DATABASE_DRIVER whatever the URL says", () => {
    expect(pickDriver("postgres://postgres@localhost/db", "neon")).toBe("neon");
    expect(pickDriver("postgres://u@ep-a.neon.tech/db", "pg")).toBe("pg");
    expect(pickDriver("postgres://postgres@localhost/db", "pglite")).toBe("pglite");
    expect(pickDriver(undefined, "pg")).toBe("pg");
  });
});
