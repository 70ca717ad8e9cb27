import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// lib/env reads process.env once, at import: point the data directory at a temp dir first.
const { dataDir, restoreEnv } = vi.hoisted(() => {
  const keys = ["LIVEMIND_DATA_DIR", "BETTER_AUTH_SECRET", "DATABASE_URL"];
  const before = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  const dir = `${process.env.TMPDIR ?? "/tmp"}/livemind-secret-${process.pid}-${Date.now()}`;
  process.env.LIVEMIND_DATA_DIR = dir;
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.DATABASE_URL;
  const restore = () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  return { dataDir: dir, restoreEnv: restore };
});
afterAll(restoreEnv);

const { resolveAuthSecret } = await import("./secret");

describe("resolveAuthSecret in embedded mode", () => {
  const file = path.resolve(dataDir, "auth-secret");
  beforeEach(() => rmSync(dataDir, { recursive: true, force: true }));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("generates a strong secret once, keeps it private in the data directory, and reuses it", () => {
    const first = resolveAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(resolveAuthSecret()).toBe(first);
  });

  it("keeps a secret already on disk, so sessions survive a restart", () => {
    const stored = "k".repeat(40);
    resolveAuthSecret();
    writeFileSync(file, `${stored}\n`);
    expect(resolveAuthSecret()).toBe(stored);
  });

  it("replaces a stored secret too short to sign sessions with", () => {
    resolveAuthSecret();
    writeFileSync(file, "short\n");
    const replaced = resolveAuthSecret();
    expect(replaced.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(replaced);
  });

  it("creates different secrets for different data directories", () => {
    const first = resolveAuthSecret();
    rmSync(dataDir, { recursive: true, force: true });
    expect(resolveAuthSecret()).not.toBe(first);
  });
});
