import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquirePgliteLock } from "./pglite-lock";

describe("acquirePgliteLock", () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "livemind-lock-"));
    dataDir = path.join(dir, "pglite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("records this process as the holder and removes the lock on release", () => {
    const release = acquirePgliteLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("refuses a second process while the holder is alive, naming it", () => {
    // The parent process is certainly alive and certainly not us.
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => acquirePgliteLock(dataDir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that has exited", () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(`${dataDir}.lock`, String(dead));
    const release = acquirePgliteLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });

  it("does not remove a lock that another process took over meanwhile", () => {
    const release = acquirePgliteLock(dataDir);
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    release();
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.ppid));
  });

  it("ignores a lock file with garbage in it", () => {
    writeFileSync(`${dataDir}.lock`, "not a pid");
    const release = acquirePgliteLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });
});
