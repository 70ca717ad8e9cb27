import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { env } from "@/lib/env";

const run = promisify(execFile);

export const PG_BIN_DIR = env.LIVEMIND_TEST_PG_BIN;
const REQUIRED = ["initdb", "pg_ctl", "postgres"];

export interface PostgresCluster {
  host: string;
  port: number;
  stop: () => Promise<void>;
}

/** Why no cluster can be started on this machine, or null when it can. */
export function clusterUnavailableReason(): string | null {
  const missing = REQUIRED.filter((name) => !existsSync(path.join(PG_BIN_DIR, name)));
  if (missing.length > 0) return `PostgreSQL binaries not found in ${PG_BIN_DIR} (missing: ${missing.join(", ")})`;
  if (isRoot() && !userExists("postgres")) return "running as root and there is no `postgres` user to run PostgreSQL as";
  return null;
}

/*
 * One throwaway cluster for the whole test run: a fresh data directory in a temp dir, trust
 * authentication, listening only on 127.0.0.1 at a free port, durability off for speed.
 * PostgreSQL refuses to run as root, so as root every binary runs as the `postgres` user.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "livemind-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "postgres.log");
  if (isRoot()) chownSync(dir, uid("postgres"), gid("postgres"));
  const host = "127.0.0.1";
  const port = await freePort();
  const pg = (binary: string, args: string[]) => {
    // `env LC_ALL=C`: the server's messages and checks in the C locale, whatever this shell's is.
    const line = ["LC_ALL=C", path.join(PG_BIN_DIR, binary), ...args];
    const [command, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", "env", ...line]] : ["env", line];
    return run(command, argv, { cwd: dir });
  };
  const remove = () => rmSync(dir, { recursive: true, force: true });

  try {
    await pg("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    const options = [
      `-p ${port}`,
      `-h ${host}`,
      `-k ${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    await pg("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
  } catch (error) {
    remove();
    throw new Error(`Could not start the test PostgreSQL cluster: ${(error as Error).message}`, { cause: error });
  }

  return {
    host,
    port,
    stop: async () => {
      await pg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
      remove();
    },
  };
}

const isRoot = () => process.getuid?.() === 0;

function userExists(name: string): boolean {
  try {
    uid(name);
    return true;
  } catch {
    return false;
  }
}

function passwdEntry(name: string): string[] {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name}`);
  return line.split(":");
}

const uid = (name: string) => Number(passwdEntry(name)[2]);
const gid = (name: string) => Number(passwdEntry(name)[3]);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
